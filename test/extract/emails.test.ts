import { describe, expect, it } from 'vitest';
import { extractEmails } from '../../src/extract/emails.ts';

describe('extractEmails', () => {
  it('reads an address and lower-cases its domain', () => {
    expect(extractEmails('Contact Info@Example.CO.JP')).toEqual([
      { raw: 'Info@Example.CO.JP', address: 'Info@example.co.jp', domain: 'example.co.jp' },
    ]);
  });

  it('reads an address glued to Japanese on both sides', () => {
    expect(extractEmails('連絡はsupport@sagawa-xx.topまで').map((e) => e.address)).toEqual(['support@sagawa-xx.top']);
  });

  it('reads a dotted and plus-tagged local part', () => {
    expect(extractEmails('first.last+tag@gmail.com').map((e) => e.address)).toEqual(['first.last+tag@gmail.com']);
  });

  it.each([
    ['[at]', 'info[at]evil.top'],
    ['[@]', 'info[@]evil.top'],
    ['(at) with [.]', 'info (at) evil[.]top'],
  ])('reads a defanged address written with %s', (_name, text) => {
    expect(extractEmails(text).map((e) => e.address)).toEqual(['info@evil.top']);
  });

  it('reads a full-width address (NFKC)', () => {
    expect(extractEmails('ｉｎｆｏ＠ｅｖｉｌ．ｔｏｐ').map((e) => e.address)).toEqual(['info@evil.top']);
  });

  it('deduplicates addresses', () => {
    expect(extractEmails('a@evil.top A@EVIL.TOP a@evil.top')).toHaveLength(2);
  });

  it('strips a trailing sentence stop', () => {
    expect(extractEmails('Write to help@example.com.').map((e) => e.address)).toEqual(['help@example.com']);
  });

  it.each([
    ['a host without a public suffix', 'root@localhost'],
    ['a file-like domain', 'name@file.txt'],
    ['a bare @mention', '@sagawa'],
    ['an address with a double dot', 'a..b@example.com'],
    ['a social handle with a dot', 'follow @amazon.co.jp'],
  ])('does not read %s', (_name, text) => {
    expect(extractEmails(text)).toEqual([]);
  });

  it('does not throw on a megabyte of at-signs', () => {
    expect(extractEmails('a@'.repeat(500_000))).toEqual([]);
  });
});
