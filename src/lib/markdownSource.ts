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

const noteOpening = /<InstructorNote\b[^>]*>/;
const noteClosing = '</InstructorNote>';

/**
 * A Markdown/MDX body without its `<InstructorNote>` blocks, for text that learners get (the RAG corpus).
 * A note may span lines or sit inside one; a note shown as code inside a fence stays, being no note. An
 * unclosed note is dropped to the end, so a slip can hide text from learners but never show them a note.
 */
export function withoutInstructorNotes(body: string): string {
  const kept: string[] = [];
  let openFence: string | undefined;
  let inNote = false;
  for (const line of body.split('\n')) {
    const inCode = openFence !== undefined;
    if (inNote || (!inCode && noteOpening.test(line))) {
      let rest = line;
      let text = '';
      while (rest) {
        if (inNote) {
          const end = rest.indexOf(noteClosing);
          if (end < 0) break;
          inNote = false;
          rest = rest.slice(end + noteClosing.length);
        } else {
          const opening = noteOpening.exec(rest);
          if (!opening) break;
          text += rest.slice(0, opening.index);
          inNote = !opening[0].endsWith('/>');
          rest = rest.slice(opening.index + opening[0].length);
        }
      }
      if (!inNote) text += rest;
      if (text.trim()) kept.push(text);
      continue;
    }
    openFence = fenceAfter(openFence, line);
    kept.push(line);
  }
  return kept.join('\n');
}
