/**
 * Splits a lesson (MDX) or a learner's own file (Markdown or plain text) into passages a retriever can
 * rank: one per section, long sections cut at paragraph breaks. Each passage keeps its section's anchor,
 * computed with github-slugger as Astro computes heading ids, so a citation can link to the very section.
 */
import GithubSlugger from 'github-slugger';
import { fenceAfter, markdownBody, withoutElements, withoutInstructorNotes } from './markdownSource.ts';

/** A piece of a lesson or of a learner's file that a retriever ranks and an answer cites. */
export interface Passage {
  /** Unique inside a corpus: `<source id>#<anchor>` plus a part number for long sections. */
  id: string;
  /** The lesson title or the file name. */
  source: string;
  /** The heading of the section the passage comes from (the source itself before the first heading). */
  section: string;
  /** A link to the section, for passages from the course; learner files have none. */
  href?: string | undefined;
  text: string;
}

/** The document passages are cut from: a lesson or a learner's file. */
export interface PassageSource {
  /** A short stable id, e.g. the lesson path or the file name. */
  id: string;
  title: string;
  /** The page the source is published at; sections become `#anchor`s on it. */
  href?: string | undefined;
}

/** Passages are cut near this many characters, at a paragraph break, to keep a prompt of three short. */
export const passageTargetChars = 900;

const headingPattern = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const componentTagPattern = /<\/?[A-Z][\w.]*(?:\s[^<>]*?)?\/?>/g;

/** Inline Markdown reduced to its text: links, emphasis and code marks dropped. */
export function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|\*|`)(?=\S)([^]*?\S)\1/g, '$2')
    // Underscores mark emphasis only at word edges: OLLAMA_HOST keeps its underscore, as in CommonMark.
    .replace(/(?<![\p{L}\p{N}])(__|_)(?=\S)([^]*?\S)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/`/g, '')
    .trim();
}

function markdownLine(line: string): string {
  if (/^\s*\|?\s*:?-{3,}/.test(line)) return ''; // a table's separator row
  return plainInline(line.replace(componentTagPattern, '').replace(/^\s*\|/, '').replace(/\|\s*$/, '').replace(/\s\|\s/g, ' · '));
}

function cutIntoParts(paragraphs: readonly string[]): string[] {
  const parts: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    if (current && current.length + paragraph.length > passageTargetChars) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  if (current) parts.push(current);
  return parts;
}

interface Section {
  heading: string;
  anchor: string | undefined;
  paragraphs: string[];
}

/**
 * The passages of a Markdown or MDX document. Component tags are dropped and their text kept; of a set of
 * OS tabs only the first is kept, since the tabs say the same thing for three shells. Instructor notes
 * are left out: passages are what learners may read. So are quizzes (`<Quiz>`): their options and explanations
 * are the answers, which the chat must not hand out before the learner has tried them.
 */
export function markdownPassages(markdown: string, source: PassageSource): Passage[] {
  const slugger = new GithubSlugger();
  const lines = withoutElements(withoutInstructorNotes(markdownBody(markdown)), 'Quiz').split('\n');
  const sections: Section[] = [{ heading: source.title, anchor: undefined, paragraphs: [] }];
  let paragraph: string[] = [];
  let openFence: string | undefined;
  let tabIndex = -1; // inside <OsTabs>: which <Tab> we are in
  const flush = () => {
    const text = paragraph.join('\n').trim();
    if (text) sections.at(-1)!.paragraphs.push(text);
    paragraph = [];
  };

  for (const line of lines) {
    if (!openFence) {
      if (/^\s*<OsTabs\b/.test(line)) tabIndex = -1;
      if (/^\s*<Tab\b/.test(line)) tabIndex++;
      if (/^\s*<\/OsTabs>/.test(line)) tabIndex = -1;
    }
    const inLaterTab = tabIndex > 0;
    const inCode = openFence !== undefined;
    openFence = fenceAfter(openFence, line);
    if (inCode && openFence && !inLaterTab) paragraph.push(line); // code is kept, its fences are not
    if (inCode || openFence) continue;
    const heading = headingPattern.exec(line);
    if (heading) {
      flush();
      const text = plainInline(heading[2]!.replace(componentTagPattern, ''));
      sections.push({ heading: text, anchor: slugger.slug(text), paragraphs: [] });
      continue;
    }
    if (inLaterTab) continue;
    if (/^\s*(import|export)\s/.test(line) || line.trim() === '') {
      flush();
      continue;
    }
    const text = markdownLine(line);
    if (text) paragraph.push(text);
  }
  flush();
  return sections.flatMap((section) => sectionPassages(section, source));
}

/** The passages of a plain-text file: paragraphs grouped under the file's name. */
export function textPassages(text: string, source: PassageSource): Passage[] {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  return sectionPassages({ heading: source.title, anchor: undefined, paragraphs }, source);
}

function sectionPassages(section: Section, source: PassageSource): Passage[] {
  const parts = cutIntoParts(section.paragraphs);
  return parts.map((text, index) => ({
    id: `${source.id}#${section.anchor ?? ''}${parts.length > 1 ? `~${index + 1}` : ''}`,
    source: source.title,
    section: section.heading,
    href: source.href && section.anchor ? `${source.href}#${section.anchor}` : source.href,
    text,
  }));
}
