// The CLI compiled once from src/ and reused, so `npx anshin …` starts fast and still needs no build step.
//
// Running the TypeScript through tsx costs ~0.4-0.6 s of every cold start (its loader thread and a transform per
// file); the same code bundled by esbuild (which tsx itself uses) starts in about half the time (`npm run bench`,
// "CLI cold start"). The bundle is made on the first run after any change under src/ and kept in
// node_modules/.cache/anshin/build/<key>/, where <key> hashes every file under src/ with package.json and
// tsconfig.json: an edited source is always rebuilt, never run stale, and nothing has to remember to build.
// Only TypeScript under src/ is bundled; packages, JSON and the knowledge files stay files read at run time.
// Each module keeps its own import.meta.url, so paths relative to a source file resolve as they do under tsx.
// When the bundle cannot be made (no esbuild, a read-only folder), the sources run through tsx as before.
// esbuild build API: https://esbuild.github.io/api/#build
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILD_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'anshin', 'build');
/** Bumped when the way the bundle is made changes. */
const FORMAT = 'anshin-build/1';
/** Builds kept beyond the current one, and how long an unused one is kept (a long-running serve may still load its chunks). */
const KEEP_BUILDS = 5;
const KEEP_UNUSED_BUILD_MS = 7 * 24 * 60 * 60 * 1000;

/** Hash of everything the bundle is made from: the files under src/ (names and bytes), package.json, tsconfig.json. */
export function sourceKey(root = ROOT) {
  const hash = createHash('sha256').update(`${FORMAT}\n${root}\n`);
  const walk = (dir) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) hash.update(`${path.relative(root, full)}\0`).update(fs.readFileSync(full));
    }
  };
  walk(path.join(root, 'src'));
  for (const f of ['package.json', 'tsconfig.json']) hash.update(`${f}\0`).update(fs.readFileSync(path.join(root, f)));
  return hash.digest('hex').slice(0, 24);
}

/** Bundles root/src/main.ts into outdir with esbuild: one chunk per lazily imported part. */
export async function bundle(root, outdir) {
  const { build } = await import('esbuild');
  const src = path.join(root, 'src') + path.sep;
  const sourcesOnly = {
    name: 'anshin-sources',
    setup(b) {
      // A relative import of anything but TypeScript under src/ (JSON data, knowledge) stays a file of its own.
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = path.resolve(args.resolveDir, args.path);
        if (target.startsWith(src) && target.endsWith('.ts')) return undefined;
        return { path: pathToFileURL(target).href, external: true };
      });
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await fs.promises.readFile(args.path, 'utf8');
        const contents = text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.filename', JSON.stringify(args.path))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)));
        return { contents, loader: 'ts' };
      });
    },
  };
  await build({
    entryPoints: { main: path.join(root, 'src', 'main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    // Error names and class names stay as written (esbuild may otherwise rename clashing top-level names).
    keepNames: true,
    outExtension: { '.js': '.mjs' },
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'silent',
    plugins: [sourcesOnly],
  });
}

/** The bundle for the sources as they are now: reused, or made (written aside, then renamed into place). */
export async function ensureBuild(
  root = ROOT,
  cacheDir = path.join(root, 'node_modules', '.cache', 'anshin', 'build'),
) {
  const key = sourceKey(root);
  const dir = path.join(cacheDir, key);
  const entry = path.join(dir, 'main.mjs');
  if (fs.existsSync(entry)) {
    touch(dir);
    return entry;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cacheDir, `.${key}-`));
  try {
    await bundle(root, tmp);
    try {
      fs.renameSync(tmp, dir);
    } catch (err) {
      // Another process finished the same build first: use theirs.
      if (!fs.existsSync(entry)) throw err;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  prune(cacheDir, key);
  return entry;
}

function touch(dir) {
  try {
    const now = new Date();
    fs.utimesSync(dir, now, now);
  } catch {
    // A read-only cache (a container image) is still used as it is.
  }
}

/** Drops builds of older sources: beyond the newest KEEP_BUILDS, those unused for KEEP_UNUSED_BUILD_MS. */
function prune(cacheDir, current) {
  try {
    const builds = fs
      .readdirSync(cacheDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== current)
      .map((e) => ({ dir: path.join(cacheDir, e.name), mtime: fs.statSync(path.join(cacheDir, e.name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const b of builds.slice(KEEP_BUILDS)) {
      if (Date.now() - b.mtime > KEEP_UNUSED_BUILD_MS) fs.rmSync(b.dir, { recursive: true, force: true });
    }
  } catch {
    // Pruning is housekeeping; a failure leaves a few old builds behind.
  }
}

/** The CLI's main module: the cached bundle when it can be had, else the sources through tsx. */
export async function loadMain() {
  let entry;
  try {
    entry = await ensureBuild();
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return import('../src/main.ts');
  }
  return import(pathToFileURL(entry).href);
}
