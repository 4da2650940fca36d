import { expect, test } from '@playwright/test';

const lesson = '/en/module-08/04-cutting-edge-models/';
const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe('with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the course follows the system until the reader picks a theme, which is kept', async ({ page }) => {
    await page.goto(lesson);
    expect(await background(page)).toBe('rgb(15, 20, 25)');
    await page.getByLabel('Colour theme').selectOption('light');
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await page.reload();
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await expect(page.getByLabel('Colour theme')).toHaveValue('light');
    // Code blocks switch with the page.
    const codeBackground = await page.locator('.code-block pre').first().evaluate((pre) => getComputedStyle(pre).backgroundColor);
    expect(codeBackground).toBe('rgb(255, 255, 255)');
  });
});
