/**
 * What a model's answer may become in the page. Model output is untrusted: an answer shaped by prompt
 * injection can carry HTML that fetches from anywhere with no click (`<video poster>`, `srcset`, a table's
 * `background`, CSS `url()`…) and so send the conversation away, or copy the page's own anchors and
 * citation styling. So its Markdown is rendered by `marked` and kept only where DOMPurify finds it on an
 * allow-list: text, lists, tables, code and links to http(s) or mailto opened in a new tab without a
 * referrer. Nothing that loads a resource or runs script, no id, name, class, style, data-* or aria-* from
 * the model; an image in Markdown becomes a plain link to it (inside a link, its alt text). The fence
 * language travels in `data-language`, written by this module's own renderer. The result is the
 * DocumentFragment of DOMPurify's own parse, to be appended as it is: serialising it and parsing the string
 * again is where mutation XSS lives (https://github.com/cure53/DOMPurify/wiki/Attack-Classes-&-Bypass-History).
 *
 * A highlighted code block is built here too, from Shiki's tokens as DOM nodes with the colours set through
 * the CSSOM, so no HTML string is parsed and no style attribute written (which a Content-Security-Policy
 * without 'unsafe-inline' would refuse; `style.setProperty` it allows).
 */
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';
import { Marked, type Tokens } from 'marked';
import type { TokensResult } from 'shiki/core';

/** The elements an answer may contain: what a chat answer needs, none of which loads anything or runs script. */
export const answerElements = [
  'p', 'br', 'hr', 'em', 'strong', 'del', 's', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a',
] as const;

/** The attribute that carries a code block's language, from the Markdown fence. */
export const languageAttribute = 'data-language';

/** The attributes each element may keep from the model, by element; every other attribute is removed. */
export const answerAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  ol: ['start'],
  th: ['align'],
  td: ['align'],
  code: [languageAttribute],
};

/** The only schemes a link may have; any other link (relative ones too) loses its href. */
export const answerLinkSchemes = ['http:', 'https:', 'mailto:'] as const;

/** Set on every link that keeps its href, whatever the model wrote: a new tab, no opener, no referrer, no endorsement. */
export const safeLinkAttributes = { target: '_blank', rel: 'noopener noreferrer nofollow' } as const;

const allowedAttributes = [...new Set(Object.values(answerAttributes).flat())];

const sanitizerConfig = {
  ALLOWED_TAGS: [...answerElements],
  ALLOWED_ATTR: allowedAttributes,
  // DOMPurify tests every allowed attribute against the URI pattern unless told it is plain text.
  ADD_URI_SAFE_ATTR: allowedAttributes.filter((name) => name !== 'href'),
  ALLOWED_URI_REGEXP: new RegExp(`^(?:${answerLinkSchemes.map((scheme) => scheme.slice(0, -1)).join('|')}):`, 'i'),
  ALLOWED_NAMESPACES: ['http://www.w3.org/1999/xhtml'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
} satisfies Config;

/** The first word of a fence's info string, when it can only be a language name. */
const fenceLanguage = /^[\w+#.-]+/;
const htmlEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => htmlEscapes[char]!);

/** GitHub-flavoured Markdown, with code blocks that name their language in `data-language` and images as links. */
function answerMarkdown(): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    // An image inside a link (a badge) is its alt text: a link inside a link would split into two.
    walkTokens(token) {
      if (token.type === 'link' && token.tokens)
        token.tokens = token.tokens.map((child) => (child.type === 'image' ? { type: 'text', raw: child.raw, text: child.text } : child));
    },
    renderer: {
      code({ text, lang }: Tokens.Code) {
        const language = fenceLanguage.exec(lang ?? '')?.[0];
        return `<pre><code${language ? ` ${languageAttribute}="${language}"` : ''}>${escapeHtml(text)}</code></pre>\n`;
      },
      image({ raw, href, title, text, tokens }: Tokens.Image) {
        // Loads nothing until the learner follows it; with no alt text, the address is the link's text.
        return this.link({ type: 'link', raw, href, title, text, tokens: text ? tokens : [{ type: 'text', raw: href, text: href }] });
      },
    },
  });
}

/** Makes the function that turns a model's Markdown into a sanitised fragment of `window`'s document. */
export function answerRenderer(window: WindowLike): (markdown: string) => DocumentFragment {
  const purifier = createDOMPurify(window);
  // Without a usable DOM, DOMPurify hands back the input unsanitised.
  if (!purifier.isSupported) throw new Error('DOMPurify cannot sanitise in this window: it lacks the DOM APIs it needs.');
  purifier.addHook('uponSanitizeAttribute', (element, event) => {
    if (!answerAttributes[element.localName]?.includes(event.attrName)) event.keepAttr = false;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof window.Element && node.localName === 'a' && node.hasAttribute('href'))
      for (const [name, value] of Object.entries(safeLinkAttributes)) node.setAttribute(name, value);
  });
  const markdown = answerMarkdown();
  return (text) => {
    // Markup that parses to a document without a body (one opening with <frameset>) sanitises to null.
    const fragment: DocumentFragment | null = purifier.sanitize(markdown.parse(text, { async: false }), sanitizerConfig);
    return fragment ?? textOnly(window, text);
  };
}

/** The answer as it was written, as text. */
function textOnly(window: WindowLike, text: string): DocumentFragment {
  const fragment = new window.DocumentFragment();
  fragment.append(text);
  return fragment;
}

/** What Shiki's `codeToTokens` gives for one snippet in its light and dark themes, as far as a code block needs it. */
export type HighlightedCode = Pick<TokensResult, 'tokens' | 'themeName' | 'rootStyle'>;

function setProperties(element: HTMLElement, properties: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value);
}

/** `--shiki-light:#fff;--shiki-dark:#000` as properties. */
function declarationsOf(style: string): Record<string, string> {
  return Object.fromEntries(
    style
      .split(';')
      .filter((declaration) => declaration.includes(':'))
      .map((declaration) => [declaration.slice(0, declaration.indexOf(':')).trim(), declaration.slice(declaration.indexOf(':') + 1).trim()]),
  );
}

/** A code block as DOM nodes shaped like the lesson's own (`div.code-block > pre.shiki > code > span.line > span`), colours through the CSSOM. */
export function codeBlockOf(document: Document, { tokens, themeName, rootStyle }: HighlightedCode): HTMLDivElement {
  const block = document.createElement('div');
  block.className = 'code-block';
  const pre = block.appendChild(document.createElement('pre'));
  pre.className = `shiki ${themeName ?? ''}`.trim();
  pre.dir = 'ltr';
  pre.tabIndex = 0; // scrollable by keyboard, as Shiki's own blocks
  setProperties(pre, declarationsOf(rootStyle || ''));
  const code = pre.appendChild(document.createElement('code'));
  tokens.forEach((lineTokens, index) => {
    if (index > 0) code.append('\n');
    const line = code.appendChild(document.createElement('span'));
    line.className = 'line';
    for (const token of lineTokens) {
      const span = line.appendChild(document.createElement('span'));
      span.textContent = token.content;
      setProperties(span, token.htmlStyle ?? {});
    }
  });
  return block;
}
