/**
 * What a lesson is made of, read from its Markdown/MDX source without rendering it: its sections
 * (level-2 headings) with a fingerprint of each, and counts of headings, code blocks and checklist tasks.
 * Translation status compares these between a translation and its English source.
 */
import { createHash } from 'node:crypto';

export interface LessonSection {
  heading: string;
  /** MD5 of the section's source text (heading line to the next level-2 heading), line endings normalised. */
  hash: string;
}

export interface LessonOutline {
  sections: LessonSection[];
  headingCount: number;
  codeBlockCount: number;
  taskIds: string[];
}

const fencePattern = /^\s*(`{3,}|~{3,})/;
const headingPattern = /^(#{2,6})\s+(.+?)\s*#*\s*$/;
const taskPattern = /<Task\s[^>]*\bid=["']([^"']+)["']/g;

export function md5(text: string | Uint8Array): string {
  return createHash('md5').update(text).digest('hex');
}

/** Frontmatter and HTML/MDX comments are not part of the lesson's body. */
function stripFrontmatterAndComments(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
}

/** Reads the outline of a lesson source. Lines inside code fences are never taken for headings. */
export function lessonOutline(source: string): LessonOutline {
  const lines = stripFrontmatterAndComments(source).split('\n');
  const sections: { heading: string; lines: string[] }[] = [];
  let openFence: string | undefined;
  let headingCount = 0;
  let codeBlockCount = 0;

  for (const line of lines) {
    const fence = fencePattern.exec(line)?.[1];
    if (openFence) {
      if (fence && fence[0] === openFence[0] && fence.length >= openFence.length && line.trim() === fence) openFence = undefined;
    } else if (fence) {
      openFence = fence;
      codeBlockCount++;
    } else {
      const heading = headingPattern.exec(line);
      if (heading) {
        headingCount++;
        if (heading[1] === '##') sections.push({ heading: heading[2]!, lines: [] });
      }
    }
    sections.at(-1)?.lines.push(line);
  }

  const body = lines.join('\n');
  return {
    sections: sections.map(({ heading, lines: sectionLines }) => ({
      heading,
      hash: md5(sectionLines.join('\n').trim()),
    })),
    headingCount,
    codeBlockCount,
    taskIds: [...body.matchAll(taskPattern)].map((match) => match[1]!),
  };
}
