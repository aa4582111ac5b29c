import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/intel/csv.ts';

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function parse(text: string, size = text.length || 1): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of readCsv(chunksOf(text, size))) out.push(r.fields);
  return out;
}

const TRICKY =
  '\uFEFFdate,URL,description\r\n' +
  '2024/01/04 10:02:00,"https://a.example/x,y?q=""1""","Amazon, Japan"\r\n' +
  '\r\n' +
  ',https://b.example/,"two\nlines"\n' +
  '2024/01/05 00:00:00,"",last';

const EXPECTED = [
  ['date', 'URL', 'description'],
  ['2024/01/04 10:02:00', 'https://a.example/x,y?q="1"', 'Amazon, Japan'],
  ['', 'https://b.example/', 'two\nlines'],
  ['2024/01/05 00:00:00', '', 'last'],
];

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM, and skips blank lines', async () => {
    expect(await parse(TRICKY)).toEqual(EXPECTED);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    for (const size of [1, 2, 3, 5, 7, 13]) expect(await parse(TRICKY, size)).toEqual(EXPECTED);
  });

  it('reports the line each record starts on', async () => {
    const lines: number[] = [];
    for await (const r of readCsv(chunksOf('a,b\n"x\ny",z\nc,d\n', 4))) lines.push(r.line);
    expect(lines).toEqual([1, 2, 4]);
  });

  it('keeps a stray quote inside an unquoted field as text', async () => {
    expect(await parse('a,b"c,d\n')).toEqual([['a', 'b"c', 'd']]);
  });

  it('gives nothing for an empty input', async () => {
    expect(await parse('')).toEqual([]);
  });
});
