/** Opening Session 4 as a learner with a local model would: the endpoint panel connected, then a demo in view. */
import { expect, type Locator, type Page } from '@playwright/test';

export const sessionFourPath = (locale = 'en') => `/${locale}/module-08/04-cutting-edge-models/`;

/** Opens the lesson, waits until the endpoint panel has connected, and scrolls a demo into view. */
export async function openWithEndpoint(page: Page, demoTag: string, locale = 'en'): Promise<Locator> {
  await page.goto(sessionFourPath(locale));
  const panel = page.locator('endpoint-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-connected', 'true');
  const demo = page.locator(demoTag);
  await demo.scrollIntoViewIfNeeded();
  return demo;
}
