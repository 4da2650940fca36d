/** Small DOM builders shared by the client scripts. Text goes in as text, never as HTML. */

/** The localized strings a component's markup hands its script in `data-strings`. */
export function readStrings(element: HTMLElement): Record<string, string> {
  return JSON.parse(element.dataset['strings'] ?? '{}') as Record<string, string>;
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
