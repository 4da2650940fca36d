/**
 * Reading Markdown/MDX source line by line, shared by the lesson outline (translation status) and the
 * retrieval passages: what is not body (frontmatter, comments), where code fences open and close, and what
 * only instructors read (`<InstructorNote>` blocks, which learners' text must never contain).
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

/**
 * A Markdown/MDX body without its `<name>` elements. An element may span lines or sit inside one; one shown
 * as code inside a fence stays, being no element. An unclosed one is dropped to the end, so a slip can hide
 * text but never show what the element held.
 */
export function withoutElements(body: string, name: string): string {
  const elementOpening = new RegExp(`<${name}\\b[^>]*>`);
  const elementClosing = `</${name}>`;
  const kept: string[] = [];
  let openFence: string | undefined;
  let inElement = false;
  for (const line of body.split('\n')) {
    const inCode = openFence !== undefined;
    if (inElement || (!inCode && elementOpening.test(line))) {
      let rest = line;
      let text = '';
      while (rest) {
        if (inElement) {
          const end = rest.indexOf(elementClosing);
          if (end < 0) break;
          inElement = false;
          rest = rest.slice(end + elementClosing.length);
        } else {
          const opening = elementOpening.exec(rest);
          if (!opening) break;
          text += rest.slice(0, opening.index);
          inElement = !opening[0].endsWith('/>');
          rest = rest.slice(opening.index + opening[0].length);
        }
      }
      if (!inElement) text += rest;
      if (text.trim()) kept.push(text);
      continue;
    }
    openFence = fenceAfter(openFence, line);
    kept.push(line);
  }
  return kept.join('\n');
}

/** A Markdown/MDX body without its `<InstructorNote>` blocks, for text that learners get (the RAG corpus). */
export function withoutInstructorNotes(body: string): string {
  return withoutElements(body, 'InstructorNote');
}
