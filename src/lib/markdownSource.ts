/**
 * Reading Markdown/MDX source line by line, shared by the lesson outline (translation status) and the
 * retrieval passages: what is not body (frontmatter, comments), and where code fences open and close.
 * No Node imports, so the browser can use it too.
 */

/** The body of a Markdown/MDX source with normalised line endings: frontmatter and HTML/MDX comments removed. */
export function markdownBody(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
}

const fencePattern = /^\s*(`{3,}|~{3,})/;

/**
 * Follows code fences across lines: given the fence that is open (if any) and the next line, the fence
 * open after it. A fence closes only with the same character, at least as long, alone on its line.
 */
export function fenceAfter(openFence: string | undefined, line: string): string | undefined {
  const fence = fencePattern.exec(line)?.[1];
  if (!openFence) return fence;
  const closes = fence !== undefined && fence[0] === openFence[0] && fence.length >= openFence.length && line.trim() === fence;
  return closes ? undefined : openFence;
}
