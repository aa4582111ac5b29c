// What a host name's letters say on their own: made by a machine, or imitating Latin letters with other scripts.

const VOWELS_RE = /[aeiouy]/g;
const CONSONANT_RUN_RE = /[bcdfghjklmnpqrstvwxz]{5,}/;

/** A label that looks machine-made: long consonant runs, few vowels, or letters mixed with many digits. */
export function looksRandom(label: string): boolean {
  const letters = label.replace(/[^a-z]/g, '');
  const digits = label.replace(/[^0-9]/g, '').length;
  if (label.length >= 6 && letters.length >= 2 && digits >= 3) return true;
  if (letters.length >= 7) {
    const vowels = (letters.match(VOWELS_RE) ?? []).length;
    if (vowels / letters.length < 0.2) return true;
    if (CONSONANT_RUN_RE.test(letters) && !/(?:sch|tch|ght|str|ngs)/.test(letters)) return true;
  }
  return false;
}

/** Latin letters that other scripts imitate (Cyrillic а, Greek ο, …), mapped back for homoglyph checks. */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  ӏ: 'l',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  ι: 'i',
  κ: 'k',
  ε: 'e',
  ı: 'i',
  ℓ: 'l',
};

/** The host as the Latin letters it imitates: confusable letters mapped back, rn → m, vv → w, 0 → o, 1 → l. */
export function skeleton(s: string): string {
  let out = '';
  for (const ch of s) out += CONFUSABLES[ch] ?? ch;
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/0/g, 'o').replace(/1/g, 'l');
}
