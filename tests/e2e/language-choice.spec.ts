import { expect, test } from '@playwright/test';
import { locales } from '../../src/lib/locales';

test.describe('a first visit to / in a Bulgarian browser', () => {
  test.use({ locale: 'bg-BG' });

  test('opens the course in Bulgarian', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/bg/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'bg');
  });
});

test.describe('a browser in a language the course lacks', () => {
  test.use({ locale: 'haw' });

  test('opens the course in English', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/en/');
  });

  test('remembers a language chosen from the picker for the next visit to /', async ({ page }) => {
    await page.goto('/en/');
    await page.locator('.language-picker summary').click();
    await page.getByRole('link', { name: 'العربية' }).click();
    await expect(page).toHaveURL('/ar/');
    await page.goto('/');
    await expect(page).toHaveURL('/ar/');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/ is a plain list of languages that leads to each course home', async ({ page }) => {
    await page.goto('/');
    const list = page.locator('.language-list');
    await expect(list.getByRole('link')).toHaveCount(locales.length);
    await expect(list.getByRole('link').first()).toHaveText('English');
    await expect(list.getByRole('link', { name: 'العربية' })).toHaveAttribute('dir', 'rtl');
    await list.getByRole('link', { name: 'Български' }).click();
    await expect(page).toHaveURL('/bg/');
  });

  test('a lesson still shows its first shell tab and no dead buttons', async ({ page }) => {
    await page.goto('/en/module-08/04-cutting-edge-models/');
    await expect(page.locator('os-tabs').first().locator('.tab-panel').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy' })).toHaveCount(0);
  });
});
