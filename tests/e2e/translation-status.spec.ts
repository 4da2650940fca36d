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

test('a current translation shows no notice', async ({ page }) => {
  await page.goto('/bg/module-08/04-cutting-edge-models/');
  await expect(page.locator('[data-translation-status]')).toHaveCount(0);
});

test('the translations page shows the lesson × language matrix', async ({ page }) => {
  await page.goto('/en/translations/');
  const table = page.getByRole('table', { name: 'Translation status' });
  const row = (name: RegExp) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row(/Cutting-edge models/).getByRole('cell')).toHaveText(['Source', 'Current', 'Current']);
  await expect(row(/outdated/).getByRole('cell')).toHaveText(['Source', 'Outdated', 'Outdated']);
  await expect(row(/translated in part/).getByRole('cell')).toHaveText(['Source', 'Incomplete', 'Missing']);
});
