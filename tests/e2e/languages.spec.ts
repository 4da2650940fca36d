/**
 * Every reader in their own language: the lesson in each of its twelve languages, with the right language
 * and direction and no string left untranslated or unfilled; a browser's languages leading to the right
 * course language; a reader of a language without the lesson reading it in English in their own chrome;
 * Chinese and Japanese found by search; every script drawn in a real font; the language menu by keyboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { textDirection } from '../../src/lib/locales';
import { accessibilityProblems } from './axe';
import { sessionFourPath } from './lessonPage';

/** The languages Session 4 is translated into, with English. */
const lessonLanguages = ['en', 'bg', 'ar', 'zh-CN', 'ja', 'ko', 'es', 'fr', 'de', 'pt-BR', 'hi', 'fa'] as const;
const keys = Object.keys(en);

/** What the reader sees that betrays a missing string: a dictionary key, or a placeholder nobody filled. */
async function untranslatedText(page: Page): Promise<string[]> {
  // The page's own words: code samples legitimately hold braces ({BASE_URL}) and are not UI strings.
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const code of body.querySelectorAll('pre, code, script, style, template')) code.remove();
    return body.textContent ?? '';
  });
  return [...keys.filter((key) => text.includes(key)), ...(text.match(/\{\w+(?:, ?plural[^}]*)?\}/g) ?? [])];
}

for (const locale of lessonLanguages) {
  test(`the lesson in ${locale} says its language and direction, leaves no string untranslated, and has no WCAG 2.2 AA violations, light or dark`, async ({ browser }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(sessionFourPath(locale));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', textDirection(locale));
      await expect(page.locator('article.lesson')).not.toHaveAttribute('lang', /.+/); // the translation itself, not the English
      if (colorScheme === 'light') expect(await untranslatedText(page)).toEqual([]);
      expect(await accessibilityProblems(page, colorScheme)).toEqual([]);
      await context.close();
    }
  });
}

for (const [browserLanguage, landing] of [['ja', 'ja'], ['pt-BR', 'pt-BR'], ['zh-Hant-TW', 'zh-TW'], ['fa-IR', 'fa'], ['tr', 'tr']] as const) {
  test.describe(`a first visit from a browser set to ${browserLanguage}`, () => {
    test.use({ locale: browserLanguage });

    test(`lands on the course in ${landing}`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(`/${landing}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', landing);
    });
  });
}

test('a Turkish reader reads the English lesson in Turkish chrome, told that it is not yet translated', async ({ page }) => {
  await page.goto(sessionFourPath('tr'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await expect(page.getByRole('link', { name: en['nav.search'] })).toHaveCount(0);
  await expect(page.locator('article.lesson')).toHaveAttribute('lang', 'en');
  await expect(page.locator('article.lesson h1')).toHaveText(/^Cutting-edge models/);
  const notice = page.locator('[data-translation-status="missing"]');
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText(en['status.missingBody']);
  expect(await untranslatedText(page)).toEqual([]);
});

for (const [locale, query, section] of [
  ['ja', 'ハイブリッド', /パート 2|パート2/],
  ['zh-CN', '混合', /第 2 部分|第2部分/],
] as const) {
  test(`a ${locale} search finds the lesson's sections`, async ({ page }) => {
    await page.goto(`/${locale}/search/?q=${encodeURIComponent(query)}`);
    const result = page.locator('.search-results > li').first();
    await expect(result.getByRole('link').first()).toHaveAttribute('href', new RegExp(`/${locale}/module-08/04-cutting-edge-models/`));
    const sections = result.locator('.search-sections a');
    await expect(sections.first()).toBeVisible();
    expect(await sections.allTextContents()).toContainEqual(expect.stringMatching(section));
    await expect(sections.first()).toHaveAttribute('href', /#.+/);
  });
}

test('Han, Hangul, Devanagari and Arabic script are each drawn in a font that has them', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  /** The fonts the browser really drew the text of `selector` with (Chrome DevTools Protocol). */
  const fontsFor = async (locale: string, selector: string) => {
    await page.goto(sessionFourPath(locale));
    await page.waitForLoadState('networkidle'); // the page's scripts settled: the node stays the node
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => font.familyName);
  };
  expect(await fontsFor('ja', 'article.lesson h1')).toContainEqual(expect.stringMatching(/CJK JP|Hiragino|Yu Gothic|Meiryo/));
  expect(await fontsFor('zh-CN', 'article.lesson h1')).toContainEqual(expect.stringMatching(/CJK SC|PingFang|YaHei/));
  expect(await fontsFor('ko', 'article.lesson h1')).toContainEqual(expect.stringMatching(/CJK KR|Gothic Neo|Malgun/));
  expect(await fontsFor('hi', 'article.lesson h1')).toContainEqual(expect.stringMatching(/Devanagari|Nirmala/));
  expect(await fontsFor('fa', 'article.lesson h1')).toContainEqual(expect.stringMatching(/Arabic|Naskh|Segoe/));
});

test('Chinese, Japanese and Korean buttons and table cells break only between words', async ({ page }) => {
  for (const [locale, expected] of [['ja', 'auto-phrase'], ['zh-CN', 'keep-all'], ['ko', 'keep-all']] as const) {
    await page.goto(sessionFourPath(locale));
    const wordBreak = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).wordBreak);
    expect(await wordBreak('button')).toBe(expected);
    expect(await wordBreak('.lesson-body td')).toBe(expected);
  }
  await page.goto(sessionFourPath('en'));
  expect(await page.locator('button').first().evaluate((element) => getComputedStyle(element).wordBreak)).toBe('normal');
});

test('the language menu lists every language by its own name, marks where the lesson is translated, and is found by typing, all by keyboard', async ({ page }) => {
  await page.goto(sessionFourPath('en'));
  await page.waitForFunction(() => customElements.get('language-picker') !== undefined);
  const picker = page.locator('language-picker');
  await picker.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('searchbox')).toBeFocused();
  const options = picker.locator('.language-options a');
  expect(await options.count()).toBeGreaterThanOrEqual(55);
  await expect(options.filter({ hasText: '日本語' })).toHaveAttribute('lang', 'ja');
  await expect(options.filter({ hasText: '日本語' }).locator('.language-translated')).toHaveCount(1);
  await expect(options.filter({ hasText: 'Türkçe' }).locator('.language-translated')).toHaveCount(0);
  await page.keyboard.type('turk');
  await expect(options).toHaveText([/^Türkçe/]);
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(sessionFourPath('tr'));
});

test('Escape closes the language menu and returns to its button', async ({ page }) => {
  await page.goto(sessionFourPath('ar'));
  await page.waitForFunction(() => customElements.get('language-picker') !== undefined);
  const summary = page.locator('language-picker summary');
  await summary.click();
  await page.keyboard.type('xx-nothing');
  await expect(page.locator('language-picker .language-none')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(summary).toBeFocused();
  await expect(page.locator('language-picker details')).not.toHaveAttribute('open', '');
});
