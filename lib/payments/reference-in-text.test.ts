import { describe, expect, it } from 'vitest';
import { REFERENCE_IN_TEXT_EXAMPLES } from '@/test/helpers/reference-in-text-examples';
import { namesReference, textWords } from './reference-in-text';

describe('namesReference', () => {
  it.each(REFERENCE_IN_TEXT_EXAMPLES)('$why: "$text" names "$reference": $isNamed', ({ text, reference, isNamed }) => {
    expect(namesReference(text, reference)).toBe(isNamed);
  });
});

describe('textWords', () => {
  it('splits at separators, trims dots and slashes, and adds each word in capitals', () => {
    expect(textWords('Inv.#abc-12. (X/1)')).toEqual(['Inv', 'INV', 'abc-12', 'ABC-12', 'X/1', 'X/1']);
  });
});
