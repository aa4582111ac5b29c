// Person ids: stored and logged only as keyed hashes (HMAC-SHA256 of the platform id with ID_HASH_KEY).
// Where a platform id must be kept past one job (weekly-tips subscriptions), it is sealed with AES-256-GCM
// under a key derived from the same secret, so a copy of the store alone reveals no LINE ids or phone numbers.
// So is everything else a person sent or was answered that goes to the store or the queue (sealJson): job
// payloads, bursts, delivery records, the last consultation, answer pages. Nothing of it reaches a SQLite
// file or Redis (and so Redis's AOF / RDB) in the clear.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { ensurePrivateDir, tightenIfPresent } from './private-files.ts';

export const ID_HASH_KEY_FILE = 'id-hash.key';
const GENERATED_KEY_BYTES = 32;
const SEAL_IV_BYTES = 12;
const SEAL_TAG_BYTES = 16;
/** Marks a sealJson value. '.' is in neither base64url nor the first character of JSON, so it cannot be confused. */
const SEALED_JSON_PREFIX = 's1.';

export class IdKeyError extends Error {
  override name = 'IdKeyError';
}

/** A sealed value this key cannot open (ID_HASH_KEY or DATA_DIR/id-hash.key changed since it was written). */
export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

/**
 * The hashing secret: ID_HASH_KEY when set, else the key kept in DATA_DIR/id-hash.key, made on first use
 * with 0600 permissions. Every process of one deployment must see the same key (set ID_HASH_KEY when
 * web and worker processes do not share DATA_DIR).
 */
export function loadIdHashKey(config: Pick<Config, 'ID_HASH_KEY' | 'DATA_DIR'>): Buffer {
  if (config.ID_HASH_KEY !== undefined) return Buffer.from(config.ID_HASH_KEY, 'utf8');
  const file = path.join(config.DATA_DIR, ID_HASH_KEY_FILE);
  ensurePrivateDir(config.DATA_DIR);
  try {
    // 'wx' fails when the file exists, so two processes starting together keep one key.
    fs.writeFileSync(file, randomBytes(GENERATED_KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Made by an older version, perhaps readable by others.
    tightenIfPresent(file);
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < 16) throw new IdKeyError(`${file} is too short to be a key; delete it or set ID_HASH_KEY`);
  return Buffer.from(text, 'utf8');
}

export class PersonIds {
  readonly #hashKey: Buffer;
  readonly #sealKey: Buffer;

  constructor(secret: Buffer) {
    this.#hashKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'anshin person id', 32));
    this.#sealKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'anshin sealed address', 32));
  }

  /** The keyed hash that stands for a person everywhere in the store and the logs. */
  person(channel: string, platformId: string): string {
    return createHmac('sha256', this.#hashKey).update(`${channel}\0${platformId}`).digest('hex').slice(0, 32);
  }

  /**
   * An unguessable token bound to a value (same value → same token), e.g. the full-answer link of a job.
   * 22 base64url characters = 132 bits: short enough for an SMS, far too many to guess.
   */
  token(purpose: string, value: string): string {
    return createHmac('sha256', this.#hashKey).update(`${purpose}\0${value}`).digest('base64url').slice(0, 22);
  }

  seal(plain: string): string {
    const iv = randomBytes(SEAL_IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#sealKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64url');
    const iv = raw.subarray(0, SEAL_IV_BYTES);
    const tag = raw.subarray(SEAL_IV_BYTES, SEAL_IV_BYTES + SEAL_TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#sealKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(raw.subarray(SEAL_IV_BYTES + SEAL_TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  /** A JSON value sealed for the store or the queue: what a person sent, or what we answered them. */
  sealJson(value: unknown): string {
    return SEALED_JSON_PREFIX + this.seal(JSON.stringify(value));
  }

  /**
   * Opens a sealJson value. Plain JSON, as versions before sealing wrote it, is read as it is (it ages out
   * with its TTL). Throws SealedValueError when the value was sealed under another key.
   */
  openJson<T = unknown>(stored: string): T {
    if (!stored.startsWith(SEALED_JSON_PREFIX)) return JSON.parse(stored) as T;
    let plain: string;
    try {
      plain = this.open(stored.slice(SEALED_JSON_PREFIX.length));
    } catch {
      throw new SealedValueError('a sealed value cannot be opened with this key (was ID_HASH_KEY changed?)');
    }
    return JSON.parse(plain) as T;
  }
}
