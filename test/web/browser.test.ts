// Both pages in a real browser (Debian's Chromium through playwright-core), at a phone and a desktop size,
// against `anshin serve` with its real consultation (local judge, OCR) and an LLM faked at the HTTP boundary:
// paste a scam, paste a genuine message, send a screenshot, switch language, post without JavaScript, log in
// to the console and see this week's numbers, be refused without the token. axe-core checks each page.
// Screenshots of every state: test-results/web/*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScreenshot } from '../image/helpers/render.ts';
import { type Browser, findChromium, launch, screenshot, seriousViolations, VIEWPORTS } from './helpers/browser.ts';
import { FakeLlm } from './helpers/fake-llm.ts';
import { CONSOLE_TOKEN, type Served, startServe } from './helpers/serve.ts';

const CHROMIUM = findChromium();
if (CHROMIUM === undefined) {
  console.warn(
    'test/web/browser.test.ts skipped: no Chromium found (install Debian\u2019s "chromium" package, or set CHROMIUM_PATH)',
  );
}

const SCAM_JA =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/';
const GENUINE_JA = '明日の同窓会は18時に駅前の店で集合です。遅れる人は幹事の田中まで連絡してください。';
const SCAM_EN =
  'Your Amazon account has been locked. Verify your payment details within 24 hours or your account will be closed: https://amazon-verify-login.top/account';
const SCREENSHOT_MESSAGE =
  '【国税庁】未払いの税金があります。本日中に下記よりお支払いください。https://nta-go-jp.xyz/pay';
/** The fake LLM fails on this message, so the console has a fallback to show. */
const FAIL_MARKER = 'amazon-verify-login';
const BROWSER_TEST_MS = 120_000;

describe.skipIf(CHROMIUM === undefined)('the try page and the console in Chromium', () => {
  let served: Served;
  let llm: FakeLlm;
  let screenshotPng: Buffer;
  /** Consultations answered on the try page so far: each is counted in the trends (TRY_PAGE_IN_TRENDS). */
  let answered = 0;
  const violations: Record<string, unknown[]> = {};

  beforeAll(async () => {
    llm = await new FakeLlm(FAIL_MARKER).start();
    served = await startServe({
      TRY_PAGE_IN_TRENDS: 'true',
      OPENAI_API_KEY: 'sk-fake',
      OPENAI_BASE_URL: `${llm.url}/v1`,
      LLM_MODEL: 'fake-judge',
      LLM_MAX_RETRIES: '0',
      LLM_TIMEOUT_MS: '5000',
      LLM_PRICE_PER_1K_INPUT_TOKENS: '0.00015',
      LLM_PRICE_PER_1K_OUTPUT_TOKENS: '0.0006',
      OFFERS_FILE: 'knowledge/offers.example.yaml',
    });
    screenshotPng = await renderScreenshot({ message: SCREENSHOT_MESSAGE, sender: '国税庁' });
  }, 60_000);
  afterAll(async () => {
    const pages = Object.keys(violations);
    console.info(
      `axe-core: ${pages.length} page states checked, ${Object.values(violations).flat().length} serious or critical violations`,
    );
    await served?.stop();
    await llm?.stop();
  });

  const a11y = async (b: Browser, name: string) => {
    const found = await seriousViolations(b.page);
    violations[name] = found;
    expect(found, `${name}: ${JSON.stringify(found)}`).toEqual([]);
  };

  for (const vp of VIEWPORTS) {
    it(
      `${vp.name}: paste a scam, a genuine message, a screenshot; switch to English — all without a reload`,
      async () => {
        const b = await launch(CHROMIUM!, vp);
        try {
          const { page } = b;
          const res = await page.goto(`${served.url}/`);
          expect(res?.status()).toBe(200);
          await expect(page.locator('h1').textContent()).resolves.toContain('これ詐欺？');
          await screenshot(page, `${vp.name}-1-try-page`);
          await a11y(b, `${vp.name} try page`);
          // A marker that a reload would wipe: the answers below must arrive in place.
          await page.evaluate(() => {
            (globalThis as unknown as { stillHere: boolean }).stillHere = true;
          });

          await page.getByRole('button', { name: '調べる' }).click();
          await expect(page.locator('.error').textContent()).resolves.toContain('文章を貼り付けるか');
          await screenshot(page, `${vp.name}-2-nothing-sent`);

          await page.getByLabel('メッセージの文章').fill(SCAM_JA);
          await page.getByRole('button', { name: '調べる' }).click();
          await page.locator('.card .level').waitFor();
          answered += 1;
          expect(await page.locator('.card .level').textContent()).toBe('危険');
          expect(await page.locator('.card header').getAttribute('class')).toBe('lvl-danger');
          const card = (await page.locator('.card').textContent()) ?? '';
          expect(card).toContain('sagawa-xx[.]top');
          expect(card).toContain('保証ではありません');
          expect(card).not.toContain('安全');
          // Nothing from the message is a link: the only links in the answer go to our article pages.
          const hrefs = await page.locator('.card a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          expect(hrefs.length).toBeGreaterThan(0);
          for (const h of hrefs) expect(h).toMatch(/^\/articles\/[a-z0-9-]+\?lang=(ja|en)$/);
          await screenshot(page, `${vp.name}-3-scam-danger`);
          await a11y(b, `${vp.name} danger answer`);

          await page.getByLabel('メッセージの文章').fill(GENUINE_JA);
          await page.getByRole('button', { name: '調べる' }).click();
          await page.locator('.card header.lvl-low, .card header.lvl-unknown').waitFor();
          answered += 1;
          const level = await page.locator('.card .level').textContent();
          expect(level).not.toBe('危険');
          expect(level).toBe('目立った兆候なし');
          expect(await page.locator('.card').textContent()).not.toContain('安全');
          await screenshot(page, `${vp.name}-4-genuine-no-clear-sign`);

          await page.getByLabel('メッセージの文章').fill('');
          await page
            .getByLabel('画面の写真（スクリーンショット）')
            .setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: screenshotPng });
          await page.getByRole('button', { name: '調べる' }).click();
          await page.locator('.card .read').waitFor({ timeout: 60_000 });
          answered += 1;
          expect(await page.locator('.card .level').textContent()).toBe('危険');
          expect(await page.locator('.card .read').textContent()).toContain('nta-go-jp[.]xyz');
          await screenshot(page, `${vp.name}-5-screenshot-danger`);

          expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

          await page.getByRole('link', { name: 'English' }).click();
          await page.waitForURL(/lang=en/);
          expect(await page.locator('html').getAttribute('lang')).toBe('en');
          await page.getByLabel('The text of the message').fill(SCAM_EN);
          await page.getByRole('button', { name: 'Check' }).click();
          await page.locator('.card .level').waitFor();
          answered += 1;
          expect(await page.locator('.card .level').textContent()).toBe('Danger');
          expect(await page.locator('.card').textContent()).toContain('not a guarantee');
          await screenshot(page, `${vp.name}-6-english-danger`);
          await a11y(b, `${vp.name} English answer`);
        } finally {
          await b.close();
        }
      },
      BROWSER_TEST_MS,
    );
  }

  it(
    'phone without JavaScript: the form posts and the page comes back with the answer',
    async () => {
      const b = await launch(CHROMIUM!, VIEWPORTS[0]!, { javaScript: false });
      try {
        const { page } = b;
        await page.goto(`${served.url}/`);
        await page.getByLabel('メッセージの文章').fill(SCAM_JA);
        const [response] = await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: '調べる' }).click(),
        ]);
        answered += 1;
        expect(response?.status()).toBe(200);
        expect(response?.request().method()).toBe('POST');
        expect(await page.locator('.card .level').textContent()).toBe('危険');
        // The text comes back in the box (from this response only; it is not kept anywhere).
        expect(await page.getByLabel('メッセージの文章').inputValue()).toBe(SCAM_JA);
        await screenshot(page, 'phone-7-no-javascript-danger');
      } finally {
        await b.close();
      }
    },
    BROWSER_TEST_MS,
  );

  for (const vp of VIEWPORTS) {
    it(
      `${vp.name}: the console refuses without the token, logs in, shows this week's numbers, logs out`,
      async () => {
        const b = await launch(CHROMIUM!, vp);
        try {
          const { page } = b;
          const refused = await page.goto(`${served.url}/console`);
          expect(refused?.status()).toBe(401);
          expect(await page.locator('body').textContent()).not.toContain('consultations');
          await screenshot(page, `${vp.name}-8-console-login`);
          await a11y(b, `${vp.name} console login`);

          await page.getByLabel('Console token').fill('not-the-token-at-all');
          const [wrong] = await Promise.all([
            page.waitForNavigation(),
            page.getByRole('button', { name: 'Log in' }).click(),
          ]);
          expect(wrong?.status()).toBe(401);
          expect(await page.locator('.error').textContent()).toContain('not right');
          await screenshot(page, `${vp.name}-9-console-wrong-token`);

          await page.getByLabel('Console token').fill(CONSOLE_TOKEN);
          await Promise.all([page.waitForURL(/\/console$/), page.getByRole('button', { name: 'Log in' }).click()]);
          expect(await page.locator('#week-total').textContent()).toBe(String(answered));
          const text = (await page.locator('main').textContent()) ?? '';
          expect(text).toContain('Try page (web)');
          expect(text).toContain('Sagawa Express');
          expect(text).toContain('http_error');
          expect(text).toMatch(/Estimated costUSD \d/);
          expect(text).toContain('いま気をつけたい');
          // Aggregates only: no message text reaches the console.
          expect(text).not.toContain('お荷物のお届けにあがりましたが');
          expect(text).not.toContain('amazon-verify-login');
          const cookies = await b.context.cookies();
          const session = cookies.find((c) => c.name === 'anshin_console');
          expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' });
          await screenshot(page, `${vp.name}-10-console`);
          await a11y(b, `${vp.name} console`);

          await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Log out' }).click()]);
          const after = await page.goto(`${served.url}/console`);
          expect(after?.status()).toBe(401);
        } finally {
          await b.close();
        }
      },
      BROWSER_TEST_MS,
    );
  }
});
