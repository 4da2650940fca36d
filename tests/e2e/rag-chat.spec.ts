import { expect, test, type Page } from '@playwright/test';
import { openWithEndpoint } from './lessonPage';

async function openRagChat(page: Page, locale = 'en') {
  const rag = await openWithEndpoint(page, 'rag-chat', locale);
  await expect(rag.locator('.demo-start')).toBeEnabled();
  return rag;
}

test('a question about the course is answered from cited passages whose links lead to the right section', async ({ page }) => {
  const rag = await openRagChat(page);
  await rag.getByLabel('Your question').fill('How do I connect Open WebUI to Foundry Local?');
  await rag.getByRole('button', { name: 'Ask' }).click();
  const passages = rag.locator('.rag-passages > li');
  await expect(passages).toHaveCount(3);
  await expect(passages.first().getByRole('link')).toHaveText('Part 5: Open WebUI + Foundry Local (step by step)');
  await expect(passages.first()).toContainText(/score \d/);
  // The exact request: numbered passages, then the question.
  await rag.getByText('The exact request sent to the model').click();
  await expect(rag.locator('.rag-prompt-text')).toContainText('[1] Part 5: Open WebUI + Foundry Local (step by step)');
  await expect(rag.locator('.rag-prompt-text')).toContainText('Question: How do I connect Open WebUI to Foundry Local?');
  await expect(rag.locator('.rag-prompt-text')).toContainText('qwen2.5-0.5b-instruct-generic-cpu:4');
  // The answer streams with its citation turned into a link to the section.
  const citation = rag.locator('.rag-answer a.citation').first();
  await expect(citation).toHaveText('[1]');
  await expect(rag.locator('.rag-citations')).toContainText('Cited: [1] Part 5: Open WebUI + Foundry Local (step by step)');
  // Following a citation is what the checklist task asks for.
  const task = page.locator('.checklist').getByRole('checkbox', { name: /Ask the course a question/ });
  await expect(task).not.toBeChecked();
  await citation.click();
  await expect(page).toHaveURL(/#part-5-open-webui--foundry-local-step-by-step$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Part 5: Open WebUI + Foundry Local (step by step)' })).toBeInViewport();
  await expect(task).toBeChecked();
});

test('in Arabic, the course is searched in Arabic and citations lead to Arabic sections', async ({ page }) => {
  const rag = await openRagChat(page, 'ar');
  await rag.locator('textarea').fill('كيف أشغل Open WebUI في Docker مع Foundry Local؟');
  await rag.locator('.demo-start').click();
  const citation = rag.locator('.rag-answer a.citation').first();
  await expect(citation).toHaveText('[1]');
  const href = (await citation.getAttribute('href'))!;
  expect(href).toMatch(/^\/ar\/module-08\/04-cutting-edge-models\/#/);
  const anchor = decodeURIComponent(href.split('#')[1]!);
  await expect(page.locator(`[id="${anchor}"]`)).toHaveText('الجزء 5: Open WebUI مع Foundry Local (خطوة بخطوة)');
  await expect(rag.locator('.rag-prompt-text')).toContainText('السؤال:');
});

test('an added file is searched in the browser and cited by its place in the list; a file that is not text is refused', async ({ page }) => {
  const rag = await openRagChat(page);
  await rag.getByLabel(/Add your own \.md or \.txt files/).setInputFiles([
    { name: 'field-notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Field notes\n\n## Quokkas\n\nQuokkas live on Rottnest Island and smile for photographs.') },
    { name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') },
  ]);
  await expect(rag.locator('.rag-files')).toContainText('field-notes.md — passages: 1');
  await expect(rag.getByRole('alert').first()).toContainText('“slides.pdf” was not added: only .md and .txt files can be searched.');
  await rag.getByLabel('Your question').fill('Where do quokkas live?');
  await rag.getByRole('button', { name: 'Ask' }).click();
  await expect(rag.locator('.rag-passages > li').first()).toContainText('Quokkas — field-notes.md');
  const citation = rag.locator('.rag-answer a.citation').first();
  await expect(citation).toHaveAttribute('href', /#rag-passage-1$/);
  await expect(rag.locator('.rag-answer')).toContainText('Rottnest Island');
  // Removing the file takes it out of the search.
  await rag.getByRole('button', { name: 'Remove field-notes.md' }).click();
  await rag.getByRole('button', { name: 'Ask' }).click();
  await expect(rag.locator('.rag-passages')).not.toContainText('field-notes.md');
  await rag.getByLabel('Your question').fill('Rottnest photographs?');
  await rag.getByRole('button', { name: 'Ask' }).click();
  await expect(rag.locator('.rag-status')).toHaveText('No passage matches your question. Try other words, or add a file that covers it.');
  await expect(rag.locator('.rag-results')).toBeHidden();
});

test('with an embedding model on the endpoint, passages can be ranked by meaning or by both', async ({ page }) => {
  const rag = await openRagChat(page);
  const meaning = rag.getByLabel('Meaning (embeddings)');
  await expect(meaning).toBeEnabled();
  await rag.getByLabel('Both (hybrid)').check();
  await rag.getByLabel('Your question').fill('Why does host.docker.internal not work on Linux?');
  const embedded = page.waitForRequest((request) => request.url().endsWith('/api/bridge/v1/embeddings'));
  await rag.getByRole('button', { name: 'Ask' }).click();
  await embedded;
  await expect(rag.locator('.rag-passages > li')).toHaveCount(3);
  await expect(rag.locator('.rag-passages > li').first()).toContainText('Part 5: Open WebUI + Foundry Local');
  await expect(rag.locator('.rag-answer a.citation').first()).toBeVisible();
  // Had ranking by meaning failed, keywords would have stood in, and this note would say so.
  await expect(rag.locator('.rag-ranking-note')).toHaveText('');
});

test('when the course text cannot be loaded, the learner is told and can ask again', async ({ page }) => {
  let refuse = true;
  await page.route('**/en/course-passages.json', (route) => (refuse ? route.fulfill({ status: 503, body: 'Service Unavailable' }) : route.fallback()));
  const rag = await openRagChat(page);
  await rag.getByRole('button', { name: 'Ask' }).click();
  await expect(rag.locator('.rag-status')).toHaveText('The course text could not be loaded (HTTP 503). Check your connection, then ask again.');
  refuse = false;
  await rag.getByRole('button', { name: 'Ask' }).click();
  await expect(rag.locator('.rag-passages > li')).toHaveCount(3);
});
