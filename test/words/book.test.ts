// The Japanese and English books hold the same sentences: the same keys at every depth, the same kind of value
// (a sentence, a list of them, or a sentence built from numbers and names), and no sentence left empty.
import { describe, expect, it } from 'vitest';
import { WORDS } from '../../src/words/book.ts';

/** Sample arguments for the sentences built from values: numbers and short names both fill any of them. */
const SAMPLE_ARGS = [3, 4, 5];

interface Entry {
  path: string;
  kind: 'sentence' | 'list' | 'built' | 'group';
}

function entries(value: unknown, path: string): Entry[] {
  if (typeof value === 'string') return [{ path, kind: 'sentence' }];
  if (typeof value === 'function') return [{ path, kind: 'built' }];
  if (Array.isArray(value)) return [{ path, kind: 'list' }];
  const group: Entry = { path, kind: 'group' };
  return [
    group,
    ...Object.keys(value as object)
      .sort()
      .flatMap((k) => entries((value as Record<string, unknown>)[k], `${path}.${k}`)),
  ];
}

/** Every sentence of a book, with where it is: lists one by one, built sentences filled with sample values. */
function sentences(value: unknown, path: string): { path: string; text: unknown }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (typeof value === 'function') return [{ path, text: (value as (...a: unknown[]) => unknown)(...SAMPLE_ARGS) }];
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ path, text: '' }];
    return value.flatMap((v, i) => sentences(v, `${path}[${i}]`));
  }
  return Object.entries(value as object).flatMap(([k, v]) => sentences(v, `${path}.${k}`));
}

describe('the book of words', () => {
  it('has the same keys, and the same kind of value under each, in Japanese and English', () => {
    expect(entries(WORDS.en, 'en').map((e) => ({ ...e, path: e.path.slice(2) }))).toEqual(
      entries(WORDS.ja, 'ja').map((e) => ({ ...e, path: e.path.slice(2) })),
    );
  });

  it('takes the same values in both languages for each sentence built from values', () => {
    const arity = (book: unknown, path: string): { path: string; arity: number }[] =>
      typeof book === 'function'
        ? [{ path, arity: book.length }]
        : book !== null && typeof book === 'object' && !Array.isArray(book)
          ? Object.entries(book).flatMap(([k, v]) => arity(v, `${path}.${k}`))
          : [];
    expect(arity(WORDS.en, '')).toEqual(arity(WORDS.ja, ''));
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`leaves no sentence empty in ${lang}`, () => {
      const empty = sentences(WORDS[lang], lang).filter((s) => typeof s.text !== 'string' || s.text.trim() === '');
      expect(empty).toEqual([]);
      expect(sentences(WORDS[lang], lang).length).toBeGreaterThan(100);
    });
  }
});
