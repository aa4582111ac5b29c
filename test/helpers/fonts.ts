// The fonts the test screenshots are drawn with: Noto Sans JP (SIL Open Font License 1.1) from the pinned
// devDependency @embedpdf/fonts-jp, behind a private fontconfig that lists no system fonts. Every machine
// renders the same pictures after `npm ci` alone, with or without a CJK font installed (sharp draws SVG text
// through librsvg, pango and fontconfig, which reads FONTCONFIG_FILE when it first lays out text).
// Config format: https://www.freedesktop.org/software/fontconfig/fontconfig-user.html
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const TEST_FONT_DIR = path.join(REPO, 'node_modules/@embedpdf/fonts-jp/fonts');
export const TEST_FONT_FAMILY = 'Noto Sans JP';
const CONFIG_DIR = path.join(REPO, 'node_modules/.cache/anshin/fontconfig');

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function configText(): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by test/helpers/fonts.ts: the test fonts only, no system fonts. -->
<fontconfig>
  <dir>${xml(TEST_FONT_DIR)}</dir>
  <cachedir>${xml(path.join(CONFIG_DIR, 'cache'))}</cachedir>
  <alias binding="same"><family>sans-serif</family><prefer><family>${TEST_FONT_FAMILY}</family></prefer></alias>
</fontconfig>
`;
}

/**
 * Writes the private fontconfig (once; the same text is not rewritten) and returns its path. Throws with what to
 * do when the font package is missing, rather than letting the screenshots come out as empty boxes.
 */
export function testFontconfigFile(): string {
  if (!fs.existsSync(path.join(TEST_FONT_DIR, 'NotoSansJP-Regular.otf'))) {
    throw new Error(`The test font is missing from ${TEST_FONT_DIR}: run \`npm ci\` (it installs @embedpdf/fonts-jp).`);
  }
  const file = path.join(CONFIG_DIR, 'fonts.conf');
  const text = configText();
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
    fs.mkdirSync(CONFIG_DIR, { recursive: true });
    // Written aside and renamed: test processes start at the same time and must never read half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  }
  return file;
}

/** Points this process, and the processes it starts, at the test fonts. Call before the first text is drawn. */
export function useTestFonts(env: NodeJS.ProcessEnv = process.env): void {
  env.FONTCONFIG_FILE = testFontconfigFile();
}
