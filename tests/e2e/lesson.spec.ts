import { expect, test } from '@playwright/test';

const lessonPath = 'module-08/04-cutting-edge-models/';
const lessons = [
  { locale: 'en', title: 'Cutting-edge models: LLMs, SLMs and on-device inference', dir: 'ltr', firstPart: 'Part 1: LLM vs SLM' },
  { locale: 'bg', title: 'Модели от последно поколение: LLMs, SLMs и извеждане на устройството', dir: 'ltr', firstPart: 'Част 1' },
  { locale: 'ar', title: 'النماذج المتطورة', dir: 'rtl', firstPart: 'الجزء 1' },
] as const;

for (const { locale, title, dir, firstPart } of lessons) {
  test.describe(`the Session 4 lesson in ${locale}`, () => {
    test('shows its title, every part, the checklist and highlighted code', async ({ page }) => {
      await page.goto(`/${locale}/${lessonPath}`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
      const parts = page.locator('.lesson-body h2');
      await expect(parts).toHaveCount(10);
      await expect(parts.nth(2)).toContainText(firstPart);
      await expect(page.locator('.checklist-item')).toHaveCount(4);
      // Shiki colours tokens: a highlighted block has spans in colours other than its own (set by classes, not style attributes).
      const firstBlock = page.locator('.code-block pre').first();
      await expect(firstBlock.locator('span').first()).toBeVisible();
      const colours = await firstBlock.evaluate((pre) => new Set([pre, ...pre.querySelectorAll('span')].map((node) => getComputedStyle(node).color)).size);
      expect(colours).toBeGreaterThan(1);
      await expect(page.locator('link[rel=alternate][hreflang=bg]')).toHaveAttribute('href', /\/bg\/module-08\/04-cutting-edge-models\/$/);
      await expect(page.locator('link[rel=alternate][hreflang=ar]')).toHaveAttribute('href', /\/ar\/module-08\/04-cutting-edge-models\/$/);
    });

    test('keeps code left-to-right', async ({ page }) => {
      await page.goto(`/${locale}/${lessonPath}`);
      const direction = await page.locator('.code-block pre').first().evaluate((pre) => getComputedStyle(pre).direction);
      expect(direction).toBe('ltr');
    });
  });
}

test('the language picker moves to the same lesson in another language and back', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  await page.locator('.language-picker summary').click();
  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(`/ar/${lessonPath}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.locator('.language-picker summary').click();
  await page.getByRole('link', { name: 'Български' }).click();
  await expect(page).toHaveURL(`/bg/${lessonPath}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Модели от последно поколение');
});

test('the skip link, table of contents and sidebar lead where they say', async ({ page }) => {
  await page.goto(`/bg/${lessonPath}`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Към съдържанието' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main')).toBeFocused();

  const toc = page.getByRole('navigation', { name: 'На тази страница' });
  await toc.getByRole('link', { name: /Част 5/ }).click();
  expect(decodeURIComponent(page.url())).toMatch(/#част-5-open-webui/);
  await expect(page.getByRole('heading', { level: 2, name: /Част 5/ })).toBeInViewport();

  const sidebar = page.getByRole('navigation', { name: 'Съдържание на курса' });
  await expect(sidebar.getByRole('link', { name: /Модели от последно поколение/ })).toHaveAttribute('aria-current', 'page');
});

test('previous and next follow the course order', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  const pagination = page.getByRole('navigation', { name: 'Previous and next lessons' });
  await pagination.getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL('/en/module-99/01-outdated-fixture/');
  await page.getByRole('navigation', { name: 'Previous and next lessons' }).getByRole('link', { name: /Previous/ }).click();
  await expect(page).toHaveURL(`/en/${lessonPath}`);
});

test('the course home lists modules and sessions with duration and level', async ({ page }) => {
  await page.goto('/ar/');
  await expect(page.getByRole('heading', { level: 3, name: 'الوحدة 8' })).toBeVisible();
  const card = page.locator('.session-card').first();
  await expect(card.getByRole('link')).toContainText('النماذج المتطورة');
  await expect(card).toContainText('30 دقيقة');
  await expect(card).toContainText('متوسط');
});

test('scrolling through the whole lesson loads every demo without a script error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto('/en/module-08/04-cutting-edge-models/');
  for (const demo of ['endpoint-panel', 'model-compare', 'decision-matrix', 'hybrid-router', 'chat-playground', 'rag-chat', 'digit-pad', 'open-webui-setup']) {
    await page.locator(demo).scrollIntoViewIfNeeded();
    await page.waitForFunction((tag) => customElements.get(tag) !== undefined, demo);
  }
  expect(errors).toEqual([]);
});
