import { Prisma } from '@/lib/generated/prisma/client';

/**
 * When a bank line's text names a case: the case's reference is one of the text's words, as
 * written or in capitals (Debitura's references are capitals and digits, so "abc-12" names
 * ABC-12). Words are split at white space and , ; : ( ) [ ] { } < > " ' ! ? #, and the dots
 * and slashes around a word are not part of it ("Inv.#ABC-12." names ABC-12). So a reference
 * never matches inside a longer one: "ABC-123", "XABC-12" and "ABC-12/2026" do not name ABC-12.
 *
 * The matcher (matching.ts) and "Register with Debitura" (bank-register.ts) apply the rule in
 * PostgreSQL: `textWordsSql` gives the words as an array and `isNamedSql` compares with
 * `= ANY`, so the reference's index finds the case. `namesReference` is the same rule in
 * TypeScript; test/integration/reference-in-text.test.ts checks that both answer alike.
 */

/** Read alike by JavaScript and PostgreSQL (not `\s`: the two disagree on which spaces it covers). */
export const WORD_SEPARATORS = '[\\t\\n\\v\\f\\r \\u00a0\\u202f,;:()\\[\\]{}<>"\'!?#]+';
/** Not part of a word when at its start or end. */
export const WORD_EDGES = './';

function trimEdges(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && WORD_EDGES.includes(word[start])) start++;
  while (end > start && WORD_EDGES.includes(word[end - 1])) end--;
  return word.slice(start, end);
}

/** The words a reference is compared with: each word of the text as written and in capitals. */
export function textWords(text: string): string[] {
  return text
    .split(new RegExp(WORD_SEPARATORS))
    .map(trimEdges)
    .filter(Boolean)
    .flatMap((word) => [word, word.toUpperCase()]);
}

export function namesReference(text: string, reference: string): boolean {
  return textWords(text).includes(reference);
}

/** `textWords` of a text column or value, as a PostgreSQL text[]. */
export function textWordsSql(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ARRAY(
    SELECT word FROM regexp_split_to_table(${text}, ${WORD_SEPARATORS}) AS token,
      LATERAL (VALUES (btrim(token, ${WORD_EDGES})), (upper(btrim(token, ${WORD_EDGES})))) AS words(word)
    WHERE word <> '')`;
}

/** True when `words` (from textWordsSql) name `reference`. */
export function isNamedSql(reference: Prisma.Sql, words: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${reference} = ANY(${words}))`;
}
