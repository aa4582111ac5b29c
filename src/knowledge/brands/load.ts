// Reading and validating the brand registry. A wrong official domain is a security bug (a phishing link on it
// would be called genuine), so loading is strict: any invalid entry stops start-up with an error naming the entry
// and the field. Field rules are schema.ts; the rules across entries are here; lookalike tokens are tokens.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached } from '../yaml-cache.ts';
import { senderKey } from './keys.ts';
import { type Brand, type BrandEntry, BrandRegistryError, brandEntrySchema } from './schema.ts';
import { resolveTokens } from './tokens.ts';

export const DEFAULT_BRANDS_FILE = fileURLToPath(new URL('../../../knowledge/brands.yaml', import.meta.url));

/** Reads and validates the registry. Throws `BrandRegistryError` naming the entry and field on invalid data. */
export function loadBrands(file: string = DEFAULT_BRANDS_FILE): Brand[] {
  let raw: unknown;
  try {
    raw = parseYamlCached(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BrandRegistryError(`brand registry ${file} could not be read: ${(err as Error).message}`);
  }
  return parseBrands(raw, file);
}

/** Validates already-parsed registry data (the YAML document, or test data in the same shape). */
export function parseBrands(raw: unknown, where = 'brand registry'): Brand[] {
  if (!Array.isArray(raw)) throw new BrandRegistryError(`${where}: expected a list of brands`);
  const entries = raw.map((item, i) => {
    const label = typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : `#${i + 1}`;
    const parsed = brandEntrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(entry)';
      throw new BrandRegistryError(`${where}: brand "${label}" field "${field}": ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  });
  checkAcrossEntries(entries, where);
  const tokens = resolveTokens(entries, where);
  return entries.map((e) => ({
    ...e,
    tokens: tokens.get(e.id) ?? [],
    shortenerHosts: e.shorteners.map((f) => f.host),
  }));
}

function checkAcrossEntries(entries: BrandEntry[], where: string): void {
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  const sharers = new Map<string, string[]>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new BrandRegistryError(`${where}: brand "${e.id}" field "id": duplicate id`);
    ids.add(e.id);
    for (const d of e.domains) {
      const prev = owner.get(d);
      if (prev) throw new BrandRegistryError(`${where}: brand "${e.id}" field "domains": ${d} is already "${prev}"'s`);
      owner.set(d, e.id);
    }
    for (const d of e.sharedDomains) sharers.set(d, [...(sharers.get(d) ?? []), e.id]);
    const official = [...e.domains, ...e.sharedDomains];
    for (const [field, hosts] of [
      ['userContent', e.userContent],
      ['userMail', e.userMail],
    ] as const) {
      for (const h of hosts) {
        if (!official.some((d) => h === d || h.endsWith(`.${d}`)))
          throw new BrandRegistryError(`${where}: brand "${e.id}" field "${field}": ${h} is not under its own domains`);
      }
    }
  }
  checkFacts(entries, owner, sharers, where);
  for (const [d, by] of sharers) {
    const first = by[0] ?? '';
    if (owner.has(d))
      throw new BrandRegistryError(
        `${where}: brand "${first}" field "sharedDomains": ${d} is also in "${owner.get(d)}" domains`,
      );
    if (by.length < 2)
      throw new BrandRegistryError(
        `${where}: brand "${first}" field "sharedDomains": ${d} is shared with no other brand`,
      );
  }
}

const isUnder = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);

/**
 * Per-fact rules: every fact cites one of its entry's sources; a shortener or mail domain is not already an official
 * domain (then it needs no entry of its own) nor another brand's; an SMS sender belongs to one brand unless every
 * brand that cites it lists it as shared.
 */
function checkFacts(
  entries: BrandEntry[],
  owner: ReadonlyMap<string, string>,
  sharers: ReadonlyMap<string, string[]>,
  where: string,
): void {
  const fail = (id: string, field: string, msg: string) => {
    throw new BrandRegistryError(`${where}: brand "${id}" field "${field}": ${msg}`);
  };
  const official = [...owner.keys(), ...sharers.keys()];
  const senderOwner = new Map<string, string>();
  const sharedSenders = new Map<string, string[]>();
  const mailOwner = new Map<string, string>();
  for (const e of entries) {
    const cited = new Set(e.sources.map((s) => s.url));
    const facts: [string, { source: string }[]][] = [
      ['shorteners', e.shorteners],
      ['mailDomains', e.mailDomains],
      ['smsSenders', e.smsSenders],
      ['sharedSmsSenders', e.sharedSmsSenders],
    ];
    for (const [field, list] of facts) {
      list.forEach((f, i) => {
        if (!cited.has(f.source)) fail(e.id, `${field}.${i}.source`, `${f.source} is not one of the entry's sources`);
      });
    }
    for (const [field, list] of [
      ['shorteners', e.shorteners],
      ['mailDomains', e.mailDomains],
    ] as const) {
      for (const { host } of list) {
        const parent = official.find((d) => isUnder(host, d));
        if (parent) {
          const whose = owner.get(parent) ?? sharers.get(parent)?.join('", "');
          fail(e.id, field, `${host} is under the official domain ${parent} ("${whose}"): list it there, not here`);
        }
      }
    }
    for (const { host } of e.mailDomains) {
      const prev = mailOwner.get(host);
      if (prev) fail(e.id, 'mailDomains', `${host} is already "${prev}"'s`);
      mailOwner.set(host, e.id);
    }
    for (const { sender } of e.smsSenders) {
      const key = senderKey(sender);
      const prev = senderOwner.get(key);
      if (prev) fail(e.id, 'smsSenders', `${sender} is already "${prev}"'s; list it in sharedSmsSenders of both`);
      senderOwner.set(key, e.id);
    }
    for (const { sender } of e.sharedSmsSenders) {
      const key = senderKey(sender);
      sharedSenders.set(key, [...(sharedSenders.get(key) ?? []), e.id]);
    }
  }
  for (const [key, by] of sharedSenders) {
    const first = by[0] ?? '';
    if (senderOwner.has(key)) fail(first, 'sharedSmsSenders', `${key} is also in "${senderOwner.get(key)}" smsSenders`);
    if (new Set(by).size < 2) fail(first, 'sharedSmsSenders', `${key} is shared with no other brand`);
  }
}
