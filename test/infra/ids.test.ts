import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ID_HASH_KEY_FILE, loadIdHashKey, PersonIds, SealedValueError } from '../../src/infra/ids.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-ids-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('person ids', () => {
  it('makes a random key once, keeps it with 0600 permissions, and reuses it', () => {
    const k1 = loadIdHashKey({ DATA_DIR: dir, ID_HASH_KEY: undefined });
    const k2 = loadIdHashKey({ DATA_DIR: dir, ID_HASH_KEY: undefined });
    expect(k1.equals(k2)).toBe(true);
    expect(fs.statSync(path.join(dir, ID_HASH_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('prefers ID_HASH_KEY', () => {
    expect(loadIdHashKey({ DATA_DIR: dir, ID_HASH_KEY: 'configured-key-1234' }).toString()).toBe('configured-key-1234');
  });

  it('hashes with the key: stable for one key, different across keys and channels, no platform id inside', () => {
    const a = new PersonIds(Buffer.from('key-a-0123456789'));
    const b = new PersonIds(Buffer.from('key-b-0123456789'));
    const id = 'U1234567890abcdef';
    expect(a.person('line', id)).toBe(a.person('line', id));
    expect(a.person('line', id)).not.toBe(b.person('line', id));
    expect(a.person('line', id)).not.toBe(a.person('twilio', id));
    expect(a.person('line', id)).toMatch(/^[0-9a-f]{32}$/);
    expect(a.token('answer', 'job-1')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('seals addresses so only the key opens them', () => {
    const a = new PersonIds(Buffer.from('key-a-0123456789'));
    const sealed = a.seal('+447700900123');
    expect(sealed).not.toContain('447700900123');
    expect(a.open(sealed)).toBe('+447700900123');
    expect(() => new PersonIds(Buffer.from('key-b-0123456789')).open(sealed)).toThrow();
  });

  it('seals JSON values, reads plain JSON an older version wrote, and refuses a value sealed under another key', () => {
    const a = new PersonIds(Buffer.from('key-a-0123456789'));
    const value = { userId: 'U1234567890abcdef', text: '山田花子様 口座を停止しました' };
    const sealed = a.sealJson(value);
    expect(sealed).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('U1234567890abcdef');
    expect(a.sealJson(value)).not.toBe(sealed);
    expect(a.openJson(sealed)).toEqual(value);
    expect(a.openJson(JSON.stringify(value))).toEqual(value);
    expect(() => new PersonIds(Buffer.from('key-b-0123456789')).openJson(sealed)).toThrow(SealedValueError);
  });
});
