import { describe, expect, it } from 'vitest';
import { makeOptionId } from './optionIds.ts';

describe('choice option ids', () => {
  it('come from the English label, never from a translation that may change', () => {
    expect(makeOptionId({ ja: '配送の速さ', en: 'Delivery speed' }, [])).toBe('delivery-speed');
  });

  it('fall back to a numbered id when no label has Latin letters, and stay unique', () => {
    expect(makeOptionId({ ja: '価格' }, [])).toBe('option-1');
    expect(makeOptionId({ ja: '価格' }, ['option-1'])).toBe('option-2');
    expect(makeOptionId({ en: 'Price' }, ['price'])).toBe('price-2');
  });

  it('fit the stored id rules', () => {
    const id = makeOptionId({ en: 'A very long label that goes well beyond forty characters in length' }, []);
    expect(id).toMatch(/^[a-z0-9_-]{1,40}$/);
    expect(makeOptionId({ en: 'Café & Co.' }, [])).toBe('cafe-co');
  });
});
