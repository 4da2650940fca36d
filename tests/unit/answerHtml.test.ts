/**
 * A model's answer as the page shows it (src/lib/answerHtml.ts), in jsdom: every hostile payload of
 * tests/fixtures/hostile-answers.ts comes out as allowed markup only, and a normal answer keeps its shape.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { answerAttributes, answerElements, answerLinkSchemes, answerRenderer, codeBlockOf, languageAttribute, safeLinkAttributes, type HighlightedCode } from '../../src/lib/answerHtml';
import { hostileAnswers } from '../fixtures/hostile-answers';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const render = answerRenderer(window);

/** Attributes no answer element may carry, whatever the allow-list says. */
const loadingOrSpoofing = ['src', 'srcset', 'poster', 'background', 'data', 'action', 'formaction', 'ping', 'style', 'id', 'name', 'class'];

/** Everything in `fragment` that is not on the allow-lists, one line per finding. */
function violationsIn(fragment: DocumentFragment): string[] {
  return [...fragment.querySelectorAll('*')].flatMap((element) => {
    const tag = element.localName;
    const allowed = [...(answerAttributes[tag] ?? []), ...(tag === 'a' ? Object.keys(safeLinkAttributes) : [])];
    const found: string[] = [];
    if (!(answerElements as readonly string[]).includes(tag) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`element <${tag}> (${element.namespaceURI})`);
    for (const { name, value } of element.attributes) {
      if (!allowed.includes(name) || loadingOrSpoofing.includes(name)) found.push(`<${tag} ${name}="${value}">`);
    }
    const href = element.getAttribute('href');
    if (href !== null && !URL.canParse(href)) found.push(`<${tag} href="${href}">: not an absolute URL`);
    else if (href !== null && !(answerLinkSchemes as readonly string[]).includes(new URL(href).protocol)) found.push(`<${tag} href="${href}">: scheme not allowed`);
    return found;
  });
}

/** The fragment as HTML, for a failure's message and for comparing small outputs. */
function html(fragment: DocumentFragment): string {
  const holder = window.document.createElement('div');
  holder.append(fragment.cloneNode(true));
  return holder.innerHTML;
}

describe('a hostile answer renders as allowed markup only', () => {
  it.each(hostileAnswers.map((answer) => [answer.name, answer.markdown]))('%s', (_name, markdown) => {
    const fragment = render(markdown);
    expect(violationsIn(fragment), html(fragment)).toEqual([]);
    for (const link of fragment.querySelectorAll('a[href]')) expect(Object.fromEntries(Object.keys(safeLinkAttributes).map((name) => [name, link.getAttribute(name)]))).toEqual(safeLinkAttributes);
  });

  // Some hundred renders of a growing answer in jsdom: seconds on a busy two-core machine.
  it('also when all of them stream as one answer, cut anywhere', { timeout: 60_000 }, () => {
    const all = hostileAnswers.map(({ markdown }) => markdown).join('\n\n');
    for (let end = 0; end <= all.length; end += 97) expect(violationsIn(render(all.slice(0, end)))).toEqual([]);
    expect(violationsIn(render(all))).toEqual([]);
  });

  it('keeps the text of what it removes, so the learner still reads it', () => {
    expect(render('<p style="color:red">styled</p>').textContent?.trim()).toBe('styled');
    expect(render('<font color="red">spoofed banner</font>').textContent?.trim()).toBe('spoofed banner');
  });

  it('shows an answer that parses to no body at all (a frameset) as text', () => {
    const answer = '<frameset><frame src="https://elsewhere.example/frame"></frameset>framed';
    expect(html(render(answer))).toBe(answer.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
  });

  it('turns a Markdown image into a plain link to it, named by its alt text or its address; inside a link, into its alt text', () => {
    const fragment = render('![a chart](https://example.org/chart.png) ![](https://example.org/bare.png) ![x](javascript:alert(1))');
    expect(fragment.querySelector('img')).toBeNull();
    expect([...fragment.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['a chart', 'https://example.org/chart.png'],
      ['https://example.org/bare.png', 'https://example.org/bare.png'],
      ['x', null],
    ]);
    const badge = render(`[![build passing](https://example.org/badge.svg)](https://example.org/project)`);
    expect([...badge.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([['build passing', 'https://example.org/project']]);
  });

  it('keeps only the language of a fence, however its info string is written', () => {
    const code = render('```python" class="x" onmouseover="alert(1)\nprint("hi")\n```').querySelector('pre > code')!;
    expect([...code.attributes].map(({ name, value }) => `${name}=${value}`)).toEqual([`${languageAttribute}=python`]);
    expect(code.textContent).toBe('print("hi")');
  });

  it('copies none of the page’s anchors or citation styling', () => {
    const fragment = render('<a id="rag-passage-1" class="citation" href="#rag-passage-1">[1]</a>');
    expect(html(fragment)).toBe('<p><a>[1]</a></p>\n');
  });
});

describe('a normal answer keeps its shape', () => {
  const answer = [
    '# Running models locally',
    'Small models are **fast** and _private_; ~~cloud only~~ is not the only way. Use `foundry run`.',
    '3. Install\n4. Run',
    '- one\n- two',
    '> A quote',
    '| Model | Size |\n| :--- | ---: |\n| phi-4-mini | 3.8B |',
    '```python\nprint("hello")\n```',
    'See [the docs](https://learn.microsoft.com/azure/ai-foundry/foundry-local/) or [write to us](mailto:team@example.org).',
    '---',
  ].join('\n\n');
  const fragment = render(answer);

  it('has its headings, paragraphs, emphasis and inline code', () => {
    expect(fragment.querySelector('h1')?.textContent).toBe('Running models locally');
    expect([...fragment.querySelectorAll('p strong, p em, p del, p code')].map((element) => `${element.localName}:${element.textContent}`)).toEqual(['strong:fast', 'em:private', 'del:cloud only', 'code:foundry run']);
    expect(fragment.querySelector('blockquote p')?.textContent).toBe('A quote');
    expect(fragment.querySelector('hr')).not.toBeNull();
  });

  it('has its lists, an ordered one starting where it started', () => {
    expect(fragment.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect([...fragment.querySelectorAll('ul > li')].map((item) => item.textContent)).toEqual(['one', 'two']);
  });

  it('has its table with each column’s alignment', () => {
    expect([...fragment.querySelectorAll('th')].map((cell) => [cell.textContent, cell.getAttribute('align')])).toEqual([['Model', 'left'], ['Size', 'right']]);
    expect([...fragment.querySelectorAll('tbody td')].map((cell) => cell.getAttribute('align'))).toEqual(['left', 'right']);
  });

  it('has its code block with its language', () => {
    const code = fragment.querySelector('pre > code');
    expect(code?.getAttribute(languageAttribute)).toBe('python');
    expect(code?.textContent).toBe('print("hello")');
  });

  it('has its links, opened in a new tab without opener or referrer', () => {
    expect([...fragment.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')])).toEqual([
      ['the docs', 'https://learn.microsoft.com/azure/ai-foundry/foundry-local/', '_blank', 'noopener noreferrer nofollow'],
      ['write to us', 'mailto:team@example.org', '_blank', 'noopener noreferrer nofollow'],
    ]);
  });

  it('belongs to the window’s document, ready to append without parsing it again', () => {
    expect(fragment).toBeInstanceOf(window.DocumentFragment);
    expect(violationsIn(fragment)).toEqual([]);
  });
});

describe('a highlighted code block is built as nodes', () => {
  const highlighted: HighlightedCode = {
    themeName: 'shiki-themes github-light-high-contrast github-dark-high-contrast',
    rootStyle: '--shiki-light:#0e1116;--shiki-dark:#f0f3f6;--shiki-light-bg:#ffffff;--shiki-dark-bg:#0a0c10',
    tokens: [
      [
        { content: 'print', offset: 0, htmlStyle: { '--shiki-light': '#622cbc', '--shiki-dark': '#dbb7ff' } },
        { content: '("<img src=x>")', offset: 5, htmlStyle: { '--shiki-light': '#032563', '--shiki-dark': '#addcff' } },
      ],
      [{ content: '# done', offset: 21, htmlStyle: { '--shiki-light': '#66707b', '--shiki-dark': '#bdc4cc', '--shiki-light-font-style': 'italic' } }],
    ],
  };
  const block = codeBlockOf(window.document, highlighted);
  const pre = block.querySelector('pre')!;

  it('is shaped like the lesson’s own code blocks, left to right', () => {
    expect(block.className).toBe('code-block');
    expect(pre.className).toBe('shiki shiki-themes github-light-high-contrast github-dark-high-contrast');
    expect(pre.dir).toBe('ltr');
    expect([...pre.querySelectorAll('code > span.line')].map((line) => line.textContent)).toEqual(['print("<img src=x>")', '# done']);
    expect(pre.textContent).toBe('print("<img src=x>")\n# done');
  });

  it('keeps code as text, never markup', () => {
    expect(block.querySelector('img')).toBeNull();
  });

  it('sets the light and dark colours as custom properties', () => {
    expect(pre.style.getPropertyValue('--shiki-light-bg')).toBe('#ffffff');
    expect(pre.style.getPropertyValue('--shiki-dark-bg')).toBe('#0a0c10');
    const [print, , comment] = block.querySelectorAll<HTMLElement>('span.line > span');
    expect([print!.style.getPropertyValue('--shiki-light'), print!.style.getPropertyValue('--shiki-dark')]).toEqual(['#622cbc', '#dbb7ff']);
    expect(comment!.style.getPropertyValue('--shiki-light-font-style')).toBe('italic');
  });
});
