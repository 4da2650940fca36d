/**
 * Pagefind returns excerpts as HTML with the matched words in <mark>. To show them without injecting HTML,
 * split them into text runs, each marked or not, with character entities decoded.
 */

/** A stretch of excerpt text, matched (shown highlighted) or not. */
export interface ExcerptRun {
  text: string;
  marked: boolean;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function decode(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity]!);
}

/** A Pagefind excerpt as plain-text runs, in order, with the `<mark>`ed ones flagged; any other tag is dropped. */
export function excerptRuns(excerpt: string): ExcerptRun[] {
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter((part) => part !== '')
    .map((part) => {
      const marked = part.startsWith('<mark>');
      return { text: decode(marked ? part.slice(6, -7) : part), marked };
    });
}
