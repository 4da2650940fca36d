/**
 * The accessibility check every spec uses. In the light theme, every WCAG 2.2 AA rule axe has. In the dark
 * theme only the rules a theme can change (colour contrast, links told apart by colour): the themes differ
 * in colours alone, and the other rules would read the same page structure again at twice the cost.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG levels checked. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The rules whose outcome depends on the theme's colours. */
const colourRules = ['color-contrast', 'link-in-text-block'];

/** The problems axe finds on the page (or in the parts `include` names) in the theme it shows, one line each: rule and elements. */
export async function accessibilityProblems(page: Page, theme: 'light' | 'dark', include: readonly string[] = []): Promise<string[]> {
  // A theme just switched still eases buttons' colours for 0.15 s: judge the colours the reader ends up with
  // (finite transitions only; a status chip's pulse never ends).
  await page.evaluate(() =>
    Promise.all(document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined))),
  );
  let builder = new AxeBuilder({ page });
  for (const selector of include) builder = builder.include(selector);
  builder = theme === 'light' ? builder.withTags(wcagTags) : builder.withRules(colourRules);
  const { violations } = await builder.analyze();
  return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
