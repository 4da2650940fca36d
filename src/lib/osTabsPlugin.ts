/**
 * Numbers the shell tabs of an MDX lesson from the document's structure, so <OsTabs> and <Tab> neither
 * parse rendered HTML nor share a build-wide counter. The N-th <OsTabs> in a file becomes set `os-tabs-N`
 * (each page is its own DOM, so ids need only be unique within one file) and is told its shells in order:
 *
 *   <OsTabs set="os-tabs-1" shells="powershell posix">
 *     <Tab shell="powershell" set="os-tabs-1" selected> … <Tab shell="posix" set="os-tabs-1"> …
 *
 * Astro 7 compiles MDX with Sätteri, which runs mdast plugins but ignores `mdx({ remarkPlugins })`, so the
 * plugin is a Sätteri one; the tree work itself is plain mdast (`numberOsTabs`) and needs no DOM.
 * A malformed set stops the build with the file, the line and what to fix.
 */
import { fileURLToPath } from 'node:url';
import type { MdastNode, MdastPluginDefinition, MdxJsxAttributeNode, MdxJsxFlowElement } from 'satteri';
import { isShell, shells, type Shell } from './preferences.ts';

/** One <OsTabs> element of a document, and the copy of it (and of its tabs) that carries the set's attributes. */
export interface NumberedOsTabs {
  original: MdxJsxFlowElement;
  numbered: MdxJsxFlowElement;
}

/** Every <OsTabs> in `root`, in document order, numbered from 1; throws, naming `file`, on a malformed set. */
export function numberOsTabs(root: MdastNode, file: string): NumberedOsTabs[] {
  return findOsTabs(root).map((original, index) => ({
    original,
    numbered: numberSet(original, `os-tabs-${index + 1}`, file),
  }));
}

/** The Sätteri mdast plugin for MDX lessons: gives each <OsTabs> and its tabs their set (see astro.config.mjs). */
export const osTabsPlugin: MdastPluginDefinition = {
  name: 'os-tabs',
  // Positions let the errors point at a line.
  options: { position: true },
  before(root, context) {
    const file = context.fileURL ? fileURLToPath(context.fileURL) : 'an MDX file';
    for (const { original, numbered } of numberOsTabs(root, file)) context.replaceNode(original, numbered);
  },
};

function findOsTabs(node: MdastNode, found: MdxJsxFlowElement[] = []): MdxJsxFlowElement[] {
  if (isElementNamed(node, 'OsTabs')) found.push(node);
  else if ('children' in node) for (const child of node.children) findOsTabs(child, found);
  return found;
}

function numberSet(osTabs: MdxJsxFlowElement, set: string, file: string): MdxJsxFlowElement {
  const shellsInOrder: Shell[] = [];
  const tabs = osTabs.children.map((child, index) => {
    if (!isElementNamed(child, 'Tab')) {
      throw problemAt(file, child, `only <Tab shell="…"> elements may sit directly inside <OsTabs> (found ${describe(child)}).`);
    }
    const shell = literalAttribute(child, 'shell');
    if (shell === undefined) throw problemAt(file, child, `<Tab> needs a literal shell="…", one of ${shells.join(', ')}.`);
    if (!isShell(shell)) throw problemAt(file, child, `<Tab shell="${shell}"> is not a known shell; use one of ${shells.join(', ')}.`);
    if (shellsInOrder.includes(shell)) throw problemAt(file, child, `<Tab shell="${shell}"> appears twice in one <OsTabs>.`);
    shellsInOrder.push(shell);
    // Without scripts the first tab shows; the client script then picks the reader's shell.
    return withAttributes(child, index === 0 ? [attribute('set', set), attribute('selected', null)] : [attribute('set', set)]);
  });
  if (tabs.length === 0) throw problemAt(file, osTabs, '<OsTabs> needs at least one <Tab shell="…"> inside.');
  return withAttributes({ ...osTabs, children: tabs }, [attribute('set', set), attribute('shells', shellsInOrder.join(' '))]);
}

function isElementNamed(node: MdastNode, name: string): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && node.name === name;
}

function literalAttribute(element: MdxJsxFlowElement, name: string): string | undefined {
  const found = element.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

function attribute(name: string, value: string | null): MdxJsxAttributeNode {
  return { type: 'mdxJsxAttribute', name, value };
}

// Written only here, so an author's own (say a second `selected`) is dropped rather than contradicting ours.
const attributesOfThisStep = new Set(['set', 'shells', 'selected']);

function withAttributes(element: MdxJsxFlowElement, added: MdxJsxAttributeNode[]): MdxJsxFlowElement {
  const kept = element.attributes.filter((attribute) => attribute.type !== 'mdxJsxAttribute' || !attributesOfThisStep.has(attribute.name));
  return { ...element, attributes: [...kept, ...added] };
}

function describe(node: MdastNode): string {
  return node.type === 'mdxJsxFlowElement' ? `<${node.name ?? ''}>` : `a ${node.type}`;
}

function problemAt(file: string, node: MdastNode, problem: string): Error {
  const line = node.position?.start.line;
  return new Error(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
}
