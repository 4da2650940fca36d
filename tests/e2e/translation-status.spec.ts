import { expect, test } from '@playwright/test';

test('a lesson not yet translated shows the English body in the reader’s chrome, with a notice', async ({ page }) => {
  await page.goto('/ar/module-99/02-incomplete-fixture/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('note').filter({ hasText: 'لم يُترجم بعد إلى العربية' })).toBeVisible();
  const article = page.locator('article.lesson');
  await expect(article).toHaveAttribute('lang', 'en');
  await expect(article).toHaveAttribute('dir', 'ltr');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Fixture: a lesson translated in part');
  // The chrome stays Arabic: site title, navigation, search.
  await expect(page.getByRole('link', { name: 'ورشة الذكاء الاصطناعي على الأطراف' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'محتويات الدورة' })).toBeVisible();
});

test('an outdated translation names the date, the changed section and links to the English', async ({ page }) => {
  await page.goto('/bg/module-99/01-outdated-fixture/');
  const notice = page.getByRole('note').filter({ hasText: 'Този превод може да е остарял' });
  await expect(notice).toContainText('14 март 2026');
  await expect(notice.getByRole('listitem')).toHaveText(['Бета']);
  await notice.getByRole('link', { name: 'Бета' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Бета' })).toBeInViewport();
  await page.getByRole('link', { name: 'Прочетете английската версия' }).click();
  await expect(page).toHaveURL('/en/module-99/01-outdated-fixture/');
});

test('an imported upstream translation is judged by its Co-op Translator metadata', async ({ page }) => {
  await page.goto('/ar/module-99/01-outdated-fixture/');
  const notice = page.getByRole('note').filter({ hasText: 'قد تكون هذه الترجمة قديمة' });
  await expect(notice).toContainText('2025');
  await expect(notice).toContainText('لم يُسجَّل أي الأقسام تغيّر.');
});

test('an incomplete translation names what is missing', async ({ page }) => {
  await page.goto('/bg/module-99/02-incomplete-fixture/');
  const notice = page.getByRole('note').filter({ hasText: 'Този превод е непълен' });
  await expect(notice.getByRole('listitem')).toHaveText([
    'заглавия: 2 от 3',
    'блокове с код: 1 от 3',
    'точки от контролния списък: 1 от 2',
  ]);
});

test('a current machine translation nobody reviewed says so at the top, with the English and a way to help; no other notice', async ({ page }) => {
  await page.goto('/bg/module-08/04-cutting-edge-models/');
  const notice = page.locator('[data-translation-status]');
  await expect(notice).toHaveCount(1);
  await expect(notice).toHaveAttribute('data-translation-status', 'machine');
  await expect(notice.locator('.notice-title')).toHaveText('Преведено машинно, все още непрегледано от човек');
  await expect(notice.getByRole('link', { name: 'Прочетете английската версия' })).toHaveAttribute('href', '/en/module-08/04-cutting-edge-models/');
  await notice.getByRole('link', { name: 'Помогнете да прегледаме този превод' }).click();
  await expect(page).toHaveURL('/bg/translations/#review');
  await expect(page.getByRole('heading', { name: 'Как да прегледате превод' })).toBeInViewport();
});

test('a reviewed machine translation, and one made by a person, carry no machine notice', async ({ page }) => {
  await page.goto('/bg/module-99/02-incomplete-fixture/');
  await expect(page.locator('[data-translation-status="incomplete"]')).toBeVisible();
  await expect(page.locator('[data-translation-status="machine"]')).toHaveCount(0);
  await page.goto('/bg/module-99/01-outdated-fixture/');
  await expect(page.locator('[data-translation-status="outdated"]')).toBeVisible();
  await expect(page.locator('[data-translation-status="machine"]')).toHaveCount(0);
});

test('the translations page shows, per language, how its interface and each lesson were made, reviewed, and stand', async ({ page }) => {
  await page.goto('/en/translations/');
  const table = page.getByRole('table', { name: 'Translation status' });
  const row = (locale: string) => table.locator(`tr[data-locale="${locale}"]`).getByRole('cell');
  await expect(row('en')).toHaveText(['Original', 'SourceOriginal', 'SourceOriginal', 'SourceOriginal']);
  await expect(row('bg')).toHaveText([
    'Machine translationNot reviewed',
    'CurrentMachine translationNot reviewed',
    'OutdatedTranslated by a personNot reviewed',
    /^IncompleteMachine translationReviewed by .+ on /,
  ]);
  await expect(row('ar').nth(3)).toHaveText('Missing');
});
