/**
 * Model output as safe HTML: Markdown by `marked`, then sanitised by DOMPurify (model output is untrusted:
 * no scripts, event handlers, images, forms or styles survive), code highlighted by Shiki once the answer
 * is complete. Shiki is loaded on first use, with its JavaScript regex engine (no WebAssembly) and only the
 * languages this course's answers use.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const forbidden = { FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'iframe', 'svg', 'math'], FORBID_ATTR: ['style'] };

/** Renders model Markdown into `container` as sanitised HTML, each block finding its own text direction. */
export function renderMarkdown(container: HTMLElement, markdown: string): void {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  container.innerHTML = DOMPurify.sanitize(html, forbidden);
  for (const link of container.querySelectorAll('a')) link.rel = 'noopener noreferrer nofollow';
  // The model may answer in another language than the page: let each block find its own direction.
  for (const block of container.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th')) block.setAttribute('dir', 'auto');
}

type Highlighter = Awaited<ReturnType<typeof import('shiki/core')['createHighlighterCore']>>;
let highlighter: Promise<Highlighter> | undefined;

function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([import('shiki/core'), import('shiki/engine/javascript')]);
    return createHighlighterCore({
      engine: createJavaScriptRegexEngine(),
      themes: [import('shiki/themes/github-light-high-contrast.mjs'), import('shiki/themes/github-dark-high-contrast.mjs')],
      langs: [
        import('shiki/langs/python.mjs'),
        import('shiki/langs/javascript.mjs'),
        import('shiki/langs/typescript.mjs'),
        import('shiki/langs/bash.mjs'),
        import('shiki/langs/powershell.mjs'),
        import('shiki/langs/json.mjs'),
        import('shiki/langs/html.mjs'),
      ],
    });
  })();
  return highlighter;
}

/** Replaces each code block's text with Shiki's highlighting (light and dark), sanitised again. */
export async function highlightCode(container: HTMLElement): Promise<void> {
  const blocks = [...container.querySelectorAll<HTMLElement>('pre > code')];
  if (blocks.length === 0) return;
  const shiki = await loadHighlighter();
  const known = new Set(shiki.getLoadedLanguages());
  for (const code of blocks) {
    const requested = /language-([\w-]+)/.exec(code.className)?.[1] ?? 'text';
    const lang = known.has(requested) ? requested : 'text';
    const html = shiki.codeToHtml(code.textContent ?? '', { lang, themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false });
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    wrapper.innerHTML = DOMPurify.sanitize(html, { ...forbidden, FORBID_ATTR: [] });
    code.parentElement!.replaceWith(wrapper);
  }
}
