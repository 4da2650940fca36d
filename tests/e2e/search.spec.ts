import { expect, test } from '@playwright/test';

test('search finds a word of the lesson in the reader’s language', async ({ page }) => {
  await page.goto('/bg/search/');
  await page.getByLabel('Търсене в уроците').fill('Chainlit');
  await page.getByRole('button', { name: 'Търси' }).click();
  const result = page.locator('.search-results > li').first();
  await expect(result.getByRole('link').first()).toHaveText(/Модели от последно поколение/);
  await expect(result.locator('mark').first()).toHaveText(/chainlit/i);
  await result.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/bg\/module-08\/04-cutting-edge-models\//);
});

test('search in Arabic finds an Arabic word, and the query stays in the address', async ({ page }) => {
  await page.goto('/ar/search/?q=' + encodeURIComponent('الهجينة'));
  await expect(page.locator('.search-results > li').first().getByRole('link').first()).toHaveText(/النماذج المتطورة/);
});

test('English pages shown in another language are not in that language’s results', async ({ page }) => {
  // The fixture lesson 02 exists in English only for Arabic readers.
  await page.goto('/en/search/?q=quokkafirst');
  await expect(page.locator('.search-results > li')).toHaveCount(1);
  await page.goto('/ar/search/?q=quokkafirst');
  await expect(page.getByRole('status')).toHaveText('لا توجد دروس تطابق «quokkafirst».');
  await expect(page.locator('.search-results > li')).toHaveCount(0);
});
