/**
 * Model output as safe HTML: Markdown by `marked`, then sanitised by DOMPurify (model output is untrusted:
 * no scripts, event handlers, images, forms or styles survive), code highlighted by Shiki once the answer
 * is complete. Both libraries are loaded only when a chat runs.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const forbidden = { FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'iframe', 'svg', 'math'], FORBID_ATTR: ['style'] };

export function renderMarkdown(container: HTMLElement, markdown: string): void {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  container.innerHTML = DOMPurify.sanitize(html, forbidden);
  for (const link of container.querySelectorAll('a')) link.rel = 'noopener noreferrer nofollow';
}

/** Replaces each code block's text with Shiki's highlighting (light and dark), sanitised again. */
export async function highlightCode(container: HTMLElement): Promise<void> {
  const blocks = [...container.querySelectorAll<HTMLElement>('pre > code')];
  if (blocks.length === 0) return;
  const { codeToHtml, bundledLanguages } = await import('shiki');
  for (const code of blocks) {
    const requested = /language-([\w-]+)/.exec(code.className)?.[1] ?? 'text';
    const lang = requested in bundledLanguages ? requested : 'text';
    const html = await codeToHtml(code.textContent ?? '', { lang, themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false });
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    wrapper.innerHTML = DOMPurify.sanitize(html, { ...forbidden, FORBID_ATTR: [] });
    code.parentElement!.replaceWith(wrapper);
  }
}
