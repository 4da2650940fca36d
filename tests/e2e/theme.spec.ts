import { expect, test } from '@playwright/test';

const lesson = '/en/module-08/04-cutting-edge-models/';
const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe('with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the course follows the system until the reader picks a theme, which is kept', async ({ page }) => {
    await page.goto(lesson);
    expect(await background(page)).toBe('rgb(15, 20, 25)');
    await page.getByLabel('Colour theme').selectOption('light');
    await expect.poll(() => background(page)).toBe('rgb(255, 255, 255)');
    await page.reload();
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await expect(page.getByLabel('Colour theme')).toHaveValue('light');
    // Code blocks switch with the page.
    const codeBackground = await page.locator('.code-block pre').first().evaluate((pre) => getComputedStyle(pre).backgroundColor);
    expect(codeBackground).toBe('rgb(255, 255, 255)');
  });

  test('a theme picked before the picker\'s script has arrived is applied and kept, not reset', async ({ page }) => {
    let releaseScript = () => {};
    const scriptHeld = new Promise<void>((resolve) => (releaseScript = resolve));
    await page.route(/themePicker.*\.js$/, async (route) => {
      await scriptHeld;
      await route.continue();
    });
    await page.goto(lesson);
    await page.getByLabel('Colour theme').selectOption('light');
    releaseScript();
    await expect.poll(() => background(page)).toBe('rgb(255, 255, 255)');
    await page.reload();
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await expect(page.getByLabel('Colour theme')).toHaveValue('light');
  });
});
