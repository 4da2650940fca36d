/**
 * Model output in a chat demo: its Markdown rendered through the allow-list of src/lib/answerHtml.ts and
 * appended as nodes on every chunk, each block finding its own text direction; code highlighted by Shiki
 * once the answer is complete, from Shiki's tokens into DOM nodes (no HTML parsed). Shiki is loaded on
 * first use, with its JavaScript regex engine (no WebAssembly) and only the languages this course's
 * answers use.
 */
import { codeThemes } from '../../lib/codeThemes';
import { answerRenderer, codeBlockOf, languageAttribute } from '../../lib/answerHtml';

let renderAnswer: ((markdown: string) => DocumentFragment) | undefined;

/** Renders model Markdown into `container` as sanitised nodes, each block finding its own text direction. */
export function renderMarkdown(container: HTMLElement, markdown: string): void {
  renderAnswer ??= answerRenderer(window);
  const answer = renderAnswer(markdown);
  // The model may answer in another language than the page: let each block find its own direction; code reads left to right.
  for (const block of answer.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th')) block.setAttribute('dir', 'auto');
  for (const pre of answer.querySelectorAll('pre')) pre.setAttribute('dir', 'ltr');
  container.replaceChildren(answer);
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

/** Replaces each code block with Shiki's highlighting (light and dark), built as DOM nodes from its tokens. */
export async function highlightCode(container: HTMLElement): Promise<void> {
  const blocks = [...container.querySelectorAll<HTMLElement>('pre > code')];
  if (blocks.length === 0) return;
  const shiki = await loadHighlighter();
  const known = new Set(shiki.getLoadedLanguages());
  for (const code of blocks) {
    const requested = code.getAttribute(languageAttribute) ?? 'text';
    const lang = known.has(requested) ? requested : 'text';
    const highlighted = shiki.codeToTokens(code.textContent ?? '', { lang, themes: codeThemes, defaultColor: false });
    code.parentElement!.replaceWith(codeBlockOf(document, highlighted));
  }
}
