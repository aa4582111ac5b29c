// Types for bin/compiled.mjs (plain JavaScript: it runs before any TypeScript loader).
export const ROOT: string;
export const BUILD_CACHE_DIR: string;
export function sourceKey(root?: string): string;
export function bundle(root: string, outdir: string): Promise<void>;
export function ensureBuild(root?: string, cacheDir?: string): Promise<string>;
export function loadMain(): Promise<typeof import('../src/main.ts')>;
