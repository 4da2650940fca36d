/**
 * A prompt-injected model answers with markup built to fetch from elsewhere with no click, run script, or
 * pass for the page's own anchors and citations (tests/fixtures/hostile-answers.ts, streamed by the
 * emulator in pieces that cut through tags, so every half-written state is rendered too). The learner
 * sees text and safe markup only; no request leaves the page's origin, no script runs, no dialog opens.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { answerAttributes, answerElements, answerLinkSchemes, safeLinkAttributes } from '../../src/lib/answerHtml';
import { hostileAnswers } from '../fixtures/hostile-answers';
import { openWithEndpoint } from './lessonPage';

// The sanitiser alone must keep every load from happening: the page's Content-Security-Policy, which would
// block a stray load before it became a request (and so hide it here), is bypassed in this file.
test.use({ bypassCSP: true });

/** What a payload could set or report if it ran, or if the page's Content-Security-Policy had to stop it. */
interface Traces {
  __pwned?: unknown;
}

/** Records what the page does from now on that a hostile answer must not make it do. */
async function watchPage(page: Page) {
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    /** Every request since, to the page's own origin (the bridge lives there) or nowhere (data:, blob:). */
    async expectNothingLeft() {
      const origin = new URL(page.url()).origin;
      // The emulator listens on 127.0.0.1, not the page's localhost: a request straight to it counts as leaving.
      expect(requests.filter((url) => !/^(?:data|blob):/.test(url) && new URL(url).origin !== origin)).toEqual([]);
      expect(requests.some((url) => url.endsWith('/api/bridge/v1/chat/completions')), 'the answer came through the bridge').toBe(true);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as Traces).__pwned)).toBeUndefined();
    },
  };
}

const allowLists: Record<'elements' | 'linkAttributes' | 'schemes', readonly string[]> & { attributes: typeof answerAttributes } = {
  elements: answerElements,
  attributes: answerAttributes,
  linkAttributes: Object.keys(safeLinkAttributes),
  schemes: answerLinkSchemes,
};

/**
 * Everything in the answer box that is neither the sanitiser's allowed markup (plus the `dir` the page sets
 * on it) nor the page's own additions: highlighted code blocks and, in a RAG answer, citation links.
 */
function unsafeMarkupIn(answer: Locator): Promise<string[]> {
  return answer.evaluate((root, { elements, attributes, linkAttributes, schemes }) => {
    const highlighted = { div: ['class'], pre: ['class', 'dir', 'tabindex', 'style'], code: [], span: ['class', 'style'] } as Record<string, string[]>;
    return [...root.querySelectorAll('*')].flatMap((element) => {
      const tag = element.localName;
      const fromHighlighter = element.closest('.code-block') !== null;
      if (!fromHighlighter && element.matches('a.citation')) return []; // the page's own link to a passage
      const allowed = fromHighlighter ? highlighted[tag] : elements.includes(tag) ? [...(attributes[tag] ?? []), 'dir', ...(tag === 'a' ? linkAttributes : [])] : undefined;
      if (!allowed || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') return [`element <${tag}>`];
      const found = element.getAttributeNames().filter((name) => !allowed.includes(name)).map((name) => `<${tag} ${name}="${element.getAttribute(name)}">`);
      const href = element.getAttribute('href');
      if (href !== null && !(URL.canParse(href) && schemes.includes(new URL(href).protocol))) found.push(`<${tag} href="${href}">`);
      const style = (element as HTMLElement).style;
      for (const property of style) if (!property.startsWith('--shiki-')) found.push(`<${tag} style="${property}: …">`);
      return found;
    });
  }, allowLists);
}

async function openChat(page: Page) {
  const chat = await openWithEndpoint(page, 'chat-playground');
  await expect(chat.getByRole('button', { name: 'Send' })).toBeEnabled();
  return chat;
}

/** Asks for a hostile answer and waits until it has streamed, plus a moment for any load it started to show. */
async function askFor(page: Page, chat: Locator, prompt: string) {
  await chat.getByLabel('Your message').fill(prompt);
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat).toHaveAttribute('data-complete', 'true');
  await page.waitForTimeout(500);
}

const indexOf = (name: string) => {
  const index = hostileAnswers.findIndex((answer) => answer.name === name);
  if (index < 0) throw new Error(`No hostile answer named “${name}”`);
  return index;
};

test('every hostile payload, streamed as one answer, shows as text and safe markup and reaches nothing', async ({ page }) => {
  const chat = await openChat(page);
  const watch = await watchPage(page);
  await askFor(page, chat, 'hostile:all');
  const answer = chat.locator('.chat-answer');
  await expect(answer).toContainText('pinging link');
  await expect(answer.getByRole('link', { name: 'the conversation' })).toHaveAttribute('href', 'https://elsewhere.example/markdown-image?q=the+conversation');
  await expect(answer.getByRole('link', { name: 'keep me safe' })).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  // The fence's language survived its markup, and its code was highlighted.
  await expect(answer.locator('.code-block pre span[style*="--shiki"]').first()).toBeVisible({ timeout: 15_000 });
  expect(await unsafeMarkupIn(answer)).toEqual([]);
  await watch.expectNothingLeft();
});

/** Payloads whose trick depends on what stands around them: each also alone, as the whole answer. */
const aloneNames = [
  'video poster',
  'Markdown image',
  'base href, then a relative link and image',
  'meta refresh',
  'input autofocus onfocus',
  'details open ontoggle',
  'noscript mXSS',
  'svg and style mXSS',
  'math, mtext, table, mglyph, style mXSS',
  'xmp mXSS',
];

test('payloads that need to stand alone, one answer each, run nothing and reach nothing', async ({ page }) => {
  test.setTimeout(90_000);
  const chat = await openChat(page);
  const watch = await watchPage(page);
  for (const name of aloneNames) {
    await test.step(name, async () => {
      await askFor(page, chat, `hostile:${indexOf(name)}`);
      expect(await unsafeMarkupIn(chat.locator('.chat-answer'))).toEqual([]);
    });
  }
  // An answer that parses to no body at all is shown as the text it is.
  await askFor(page, chat, `hostile:${indexOf('frameset and frame')}`);
  await expect(chat.locator('.chat-answer')).toContainText('<frameset>');
  await watch.expectNothingLeft();
});

test('a RAG answer cannot pass the model’s markup off as the page’s passages or citations', async ({ page }) => {
  const rag = await openWithEndpoint(page, 'rag-chat');
  await expect(rag.locator('.demo-start')).toBeEnabled();
  const watch = await watchPage(page);
  await rag.getByLabel('Your question').fill(`How do I connect Open WebUI to Foundry Local? hostile:${indexOf('page anchors and citation styling')}`);
  await rag.getByRole('button', { name: 'Ask' }).click();
  await expect(rag).toHaveAttribute('data-complete', 'true');
  await expect(rag.locator('.rag-passages > li')).toHaveCount(3);
  const answer = rag.locator('.rag-answer');
  // The model's "[1]" link kept its text and lost its id, class, name, style and href; its bare [2] the page linked.
  await expect(answer.locator('a:not(.citation)')).toHaveText('[1]');
  expect(await answer.locator('a:not(.citation)').evaluate((link) => link.getAttributeNames())).toEqual([]);
  await expect(answer.locator('a.citation')).toHaveText(['[2]']);
  await expect(page.locator('[id$="-passage-1"]')).toHaveCount(1);
  await expect(page.locator('[id$="-passage-2"]')).toHaveCount(1);
  expect(await unsafeMarkupIn(answer)).toEqual([]);
  await watch.expectNothingLeft();
});
