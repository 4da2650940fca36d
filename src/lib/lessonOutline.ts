/**
 * What a lesson is made of, read from its Markdown/MDX source without rendering it: its sections
 * (level-2 headings) with a fingerprint of each, and counts of headings, code blocks and checklist tasks.
 * Translation status compares these between a translation and its English source.
 */
import { createHash } from 'node:crypto';
import { fenceAfter, markdownBody } from './markdownSource.ts';

/** One level-2 section of a lesson, fingerprinted so a changed section shows up in translation status. */
export interface LessonSection {
  heading: string;
  /** MD5 of the section's source text (heading line to the next level-2 heading), line endings normalised. */
  hash: string;
}

/** The parts of a lesson a translation must keep: its sections, heading and code block counts, and checklist task ids in order. */
export interface LessonOutline {
  sections: LessonSection[];
  headingCount: number;
  codeBlockCount: number;
  taskIds: string[];
}

const headingPattern = /^(#{2,6})\s+(.+?)\s*#*\s*$/;
const taskPattern = /<Task\s[^>]*\bid=["']([^"']+)["']/g;

/** The hex MD5 of text or bytes, the fingerprint translations record of their source (as Co-op Translator did). */
export function md5(text: string | Uint8Array): string {
  return createHash('md5').update(text).digest('hex');
}

/** Reads the outline of a lesson source. Lines inside code fences are never taken for headings. */
export function lessonOutline(source: string): LessonOutline {
  const lines = markdownBody(source).split('\n');
  const sections: { heading: string; lines: string[] }[] = [];
  let openFence: string | undefined;
  let headingCount = 0;
  let codeBlockCount = 0;

  for (const line of lines) {
    const inCode = openFence !== undefined;
    openFence = fenceAfter(openFence, line);
    if (!inCode && openFence) codeBlockCount++;
    else if (!inCode) {
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
