// Prompts are versioned files in prompts/ (STYLE.md habit 8): front matter with a `version:`, then a
// "## system" and a "## user" section. One reader for all of them, read once and cached.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYamlCached } from '../knowledge/yaml-cache.ts';

export interface PromptFile {
  /** From the front matter, e.g. "judge.v1"; recorded with every call. */
  version: string;
  system: string;
  /** Template with {{placeholders}}. */
  user: string;
}

export class PromptFileError extends Error {
  override name = 'PromptFileError';
}

/** <repo>/prompts/NAME. */
export function promptPath(name: string): string {
  return fileURLToPath(new URL(`../../prompts/${name}`, import.meta.url));
}

const cache = new Map<string, PromptFile>();

/** Reads and checks a prompt file once; `placeholders` must all appear in its user section. */
export function loadPromptFile(file: string, placeholders: readonly string[]): PromptFile {
  const hit = cache.get(file);
  if (hit) return hit;
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PromptFileError(`Cannot read the prompt ${file}: ${(err as Error).message}`);
  }
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(raw);
  if (!fm) throw new PromptFileError(`${file} must start with front matter (---, version: …, ---)`);
  const version = (parseYamlCached(fm[1] ?? '') as { version?: unknown } | null)?.version;
  if (typeof version !== 'string' || version.trim() === '') {
    throw new PromptFileError(`${file}: the front matter needs a "version:" such as judge.v1`);
  }
  const sections = /^##\s+system\s*$([\s\S]*?)^##\s+user\s*$([\s\S]*)$/m.exec(raw.slice(fm[0].length));
  if (!sections) throw new PromptFileError(`${file} needs a "## system" section followed by a "## user" section`);
  const user = (sections[2] ?? '').trim();
  for (const name of placeholders) {
    if (!user.includes(`{{${name}}}`)) throw new PromptFileError(`${file}: the user section lacks {{${name}}}`);
  }
  const prompt = { version: version.trim(), system: (sections[1] ?? '').trim(), user };
  cache.set(file, prompt);
  return prompt;
}
