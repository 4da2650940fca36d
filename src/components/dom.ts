/** Small DOM builders shared by the client scripts. Text goes in as text, never as HTML. */

/**
 * The element of `root`'s own markup that `selector` names. Markup and script are written together, so a
 * missing part is a bug: it fails loudly, naming the component and the part, instead of as a null later.
 */
export function part<K extends keyof HTMLElementTagNameMap>(root: Element, selector: K): HTMLElementTagNameMap[K];
/** The element that a CSS `selector` names in `root`'s markup, typed as `T`; throws when the markup lacks it. */
export function part<T extends Element = HTMLElement>(root: Element, selector: string): T;
/** One implementation for both signatures: the first match, or an error naming the component and the missing part. */
export function part(root: Element, selector: string): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`<${root.localName}> has no ${selector} in its markup.`);
  return found;
}

/** Every element of `root`'s markup that `selector` names, as an array. */
export function parts<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  return [...root.querySelectorAll<T>(selector)];
}

/** A table row: an optional row header, then one cell per value. */
export function tableRow(header: string | undefined, cells: readonly string[]): HTMLTableRowElement {
  const row = document.createElement('tr');
  if (header !== undefined) row.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: header }));
  row.append(...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })));
  return row;
}

/** An SVG element with attributes and, optionally, text. */
export function svgElement(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text) node.textContent = text;
  return node;
}

/** Nodes joined as the reader's language joins a list ("a, b and c", "أ، ب و ج"), e.g. links. */
export function listOfNodes(nodes: readonly Node[], locale: string): (Node | string)[] {
  const parts = new Intl.ListFormat(locale, { type: 'unit' }).formatToParts(nodes.map((_node, index) => String(index)));
  return parts.map((part) => (part.type === 'element' ? nodes[Number(part.value)]! : part.value));
}
