/** Citations in a RAG answer: each `[n]` becomes a link to passage n's section (or its place in the list). */
import type { Passage } from '../../lib/passages';
import type { RankedPassage } from '../../lib/passageSearch';
import { splitCitations } from '../../lib/ragPrompt';

/** Makes the link for citation `number` of `passage`. */
export type CitationLinkFactory = (number: number, passage: Passage) => HTMLAnchorElement;

/** Replaces each `[n]` in the answer's text (outside links and code) with a citation link. */
export function linkCitations(answer: HTMLElement, retrieved: readonly RankedPassage[], linkFor: CitationLinkFactory): void {
  const walker = document.createTreeWalker(answer, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) if (!walker.currentNode.parentElement?.closest('a, code, pre')) textNodes.push(walker.currentNode as Text);
  for (const node of textNodes) {
    const pieces = splitCitations(node.data, retrieved.length);
    if (!pieces.some((piece) => typeof piece === 'number')) continue;
    node.replaceWith(...pieces.map((piece) => (typeof piece === 'string' ? piece : linkFor(piece, retrieved[piece - 1]!.passage))));
  }
}
