/**
 * Lesson code is highlighted at build time by Shiki, which colours every token with a `style` attribute
 * (`--shiki-light:#…;--shiki-dark:#…`). A Content-Security-Policy that admits style attributes admits the
 * model's too, so this transformer moves each colour into a class (`sl-0e1116`, `sd-f0f3f6`, `slb-…`,
 * `sdb-…`) and `colorClassCss` writes one rule per colour the two themes can produce: the pages carry no
 * style attribute at all, and the policy allows none. To keep lesson pages light it also drops what costs
 * bytes and shows nothing: the per-line wrappers and the spans of tokens in the block's own colour.
 */
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer, ThemeRegistrationRaw } from 'shiki';

/** Which class prefix each Shiki variable becomes. */
const prefixOf: Readonly<Record<string, string>> = { '--shiki-light': 'sl', '--shiki-dark': 'sd', '--shiki-light-bg': 'slb', '--shiki-dark-bg': 'sdb' };
/** Declarations Shiki writes that the stylesheet already covers for every code block. */
const coveredByStylesheet = new Set(['overflow-x']);

const hex = (color: string) => color.trim().replace(/^#/, '').toLowerCase();

/** Replaces a node's Shiki style attribute with colour classes; fails the build on a declaration it cannot move. */
function moveColorsToClasses(node: Element): void {
  const style = node.properties['style'];
  if (typeof style !== 'string') return;
  const classes: string[] = [];
  for (const declaration of style.split(';').filter((part) => part.trim())) {
    const [name = '', value = ''] = declaration.split(':').map((part) => part.trim());
    const prefix = prefixOf[name];
    if (prefix && /^#[0-9a-f]{3,8}$/i.test(value)) classes.push(`${prefix}-${hex(value)}`);
    else if (!coveredByStylesheet.has(name)) throw new Error(`shikiColorClasses: cannot turn "${declaration}" into a class; add it to the stylesheet.`);
  }
  delete node.properties['style'];
  const existing = node.properties['class'];
  node.properties['class'] = [...(Array.isArray(existing) ? existing : typeof existing === 'string' ? [existing] : []), ...classes].join(' ');
}

const classList = (node: Element): string[] => String(node.properties['class'] ?? '').split(' ').filter(Boolean);
const foregroundClasses = (node: Element) => classList(node).filter((name) => /^s[ld]-/.test(name)).sort().join(' ');

/** The code's content with each line's wrapper removed and tokens in `blockColors` as bare text (the block's colour is inherited). */
function withoutRedundantSpans(children: ElementContent[], blockColors: string): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element' || child.tagName !== 'span') return [child];
    if (classList(child).includes('line')) return withoutRedundantSpans(child.children, blockColors);
    return foregroundClasses(child) === blockColors ? child.children : [child];
  });
}

/** A Shiki transformer that leaves no style attribute on the highlighted block, nor a span that changes nothing. */
export function colorClassTransformer(): ShikiTransformer {
  return {
    name: 'course:color-classes',
    pre(node) {
      moveColorsToClasses(node);
      node.properties['class'] = classList(node).filter((name) => !/^(astro-code-themes|github-)/.test(name)).join(' ');
      const blockColors = foregroundClasses(node);
      for (const code of node.children) if (code.type === 'element') code.children = withoutRedundantSpans(code.children, blockColors);
    },
    span(node) {
      moveColorsToClasses(node);
    },
  };
}

/** Every colour a theme can give a token or a block: its tokens' foregrounds and the editor's own colours. */
function themeColors(theme: ThemeRegistrationRaw): { foregrounds: Set<string>; backgrounds: Set<string> } {
  const foregrounds = new Set<string>();
  const settings = [...(theme.tokenColors ?? []), ...(theme.settings ?? [])];
  for (const rule of settings) if (typeof rule.settings?.foreground === 'string') foregrounds.add(hex(rule.settings.foreground));
  const editor = theme.colors ?? {};
  if (editor['editor.foreground']) foregrounds.add(hex(editor['editor.foreground']));
  const backgrounds = new Set([editor['editor.background']].filter((color): color is string => Boolean(color)).map(hex));
  return { foregrounds, backgrounds };
}

/** The rules that give each colour class its Shiki variable, for the light and the dark theme. */
export function colorClassCss(light: ThemeRegistrationRaw, dark: ThemeRegistrationRaw): string {
  const rules: string[] = [];
  for (const [theme, variant] of [[light, 'light'], [dark, 'dark']] as const) {
    const { foregrounds, backgrounds } = themeColors(theme);
    const prefix = variant === 'light' ? 'sl' : 'sd';
    for (const color of foregrounds) rules.push(`.${prefix}-${color}{--shiki-${variant}:#${color}}`);
    for (const color of backgrounds) rules.push(`.${prefix}b-${color}{--shiki-${variant}-bg:#${color}}`);
  }
  return rules.join('');
}
