/**
 * How Debitura spells enum values: as API names (`PartiallyPaid`) or as display strings
 * ("Partially paid", "Quotes Expired – Not Accepted"). Both meet once case, spaces, dashes and
 * punctuation are ignored.
 */

/** Lower case, letters and digits only: "Partially paid" and "PartiallyPaid" meet here. */
export function enumKey(value: string): string {
  return value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A lookup from any spelling to the API name: each name matches itself, each alias (Debitura's
 * other wordings) matches its name. Unknown values and non-strings give null.
 */
export function enumNormalizer<Name extends string>(
  names: readonly Name[],
  aliases: Readonly<Record<string, Name>> = {},
): (value: unknown) => Name | null {
  const table = new Map<string, Name>(names.map((name) => [enumKey(name), name]));
  for (const [alias, name] of Object.entries(aliases)) table.set(enumKey(alias), name);
  return (value) => {
    if (typeof value !== 'string') return null;
    const key = enumKey(value);
    return key ? (table.get(key) ?? null) : null;
  };
}
