import { expect, test, type Page } from '@playwright/test';
import { sessionFourPath } from './lessonPage';

async function openMatrix(page: Page) {
  await page.goto(sessionFourPath());
  const matrix = page.locator('decision-matrix');
  await matrix.scrollIntoViewIfNeeded();
  await expect(matrix.getByLabel('Scenario')).toBeEnabled();
  return matrix;
}

test('the recommendation follows the scenario and the weights, with its reasons', async ({ page }) => {
  const matrix = await openMatrix(page);
  const headline = matrix.locator('.matrix-headline');
  await expect(headline).toHaveText(/^Recommended: Hybrid/);
  await matrix.getByLabel('Scenario').selectOption({ label: 'A research assistant for long, hard questions' });
  await expect(headline).toHaveText(/^Recommended: LLM in the cloud/);
  await expect(matrix.locator('.matrix-reasons li').first()).toContainText('Capability, weight 5: LLM in the cloud rates 5');
  // Privacy now matters most and capability not at all: the device wins.
  await matrix.getByLabel('Weight of Privacy').fill('5');
  await matrix.getByLabel('Weight of Capability').fill('0');
  await expect(headline).toHaveText(/^Recommended: SLM on the device/);
  await expect(matrix.getByLabel('Scenario')).toHaveValue('custom');
  await expect(matrix.locator('.matrix-score[data-best="true"]')).toHaveAttribute('data-deployment', 'slm-device');
  // With nothing weighted there is nothing to recommend.
  for (const criterion of ['Latency', 'Cost', 'Privacy', 'Capability', 'Reliability']) await matrix.getByLabel(`Weight of ${criterion}`).fill('0');
  await expect(headline).toHaveText('Give at least one criterion a weight above 0.');
});

test('latency is rated from the learner’s own comparison when there is one', async ({ page }) => {
  await page.addInitScript(() => {
    const metrics = (ttft: number, rate: number, total: number) => ({ timeToFirstTokenMs: ttft, tokensPerSecond: rate, totalMs: total, tokens: 40 });
    localStorage.setItem('edge-course:compare-history', JSON.stringify([
      { at: '2026-11-20T10:00:00Z', results: [{ model: 'tiny-model', metrics: metrics(3000, 3, 16000) }, { model: 'big-7b', metrics: metrics(4000, 2, 24000) }] },
    ]));
  });
  const matrix = await openMatrix(page);
  await expect(matrix.locator('.matrix-measured')).toContainText('rated 1 from your own comparison: tiny-model gave its first token after 3,000 ms');
  await expect(matrix.locator('tr[data-criterion="latency"] [data-deployment="slm-device"]')).toHaveText('1');
  await expect(matrix.locator('tr[data-criterion="latency"] [data-deployment="llm-cloud"]')).toHaveText('3');
});
