/**
 * A lesson's parts (its `##` sections) with the minutes its frontmatter plans for each, for the agenda and
 * the instructor view. The schema checks that the minutes add up to `duration`; this checks them against
 * the body, one per heading, and fails the build naming the file when they don't match. Section ids are
 * computed as Astro computes heading ids (github-slugger over every heading, in order), so a part links to
 * its section.
 */
import GithubSlugger from 'github-slugger';
import type { SessionFrontmatter } from '../content/sessionSchema.ts';
import { fenceAfter, markdownBody } from './markdownSource.ts';
import { plainInline } from './passages.ts';

/** One part of a lesson: its heading as the reader sees it, the heading's id on the lesson page, and its planned minutes. */
export interface PlannedPart {
  heading: string;
  id: string;
  minutes: number;
}

/** What `partMinutes` reads of a lesson: a `sessions` collection entry fits. */
export interface PlannableLesson {
  id: string;
  filePath?: string | undefined;
  /** The lesson's Markdown/MDX source (the collection keeps it as `body`). */
  body?: string | undefined;
  data: Pick<SessionFrontmatter, 'duration' | 'parts'>;
}

const headingPattern = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const componentTagPattern = /<\/?[A-Z][\w.]*(?:\s[^<>]*?)?\/?>/g;

/** The `##` sections of a source with the ids Astro gives their headings (the parts a class marks done or stuck). */
export function sectionsWithIds(source: string): { heading: string; id: string }[] {
  const slugger = new GithubSlugger();
  const sections: { heading: string; id: string }[] = [];
  let openFence: string | undefined;
  for (const line of markdownBody(source).split('\n')) {
    const inCode = openFence !== undefined;
    openFence = fenceAfter(openFence, line);
    const heading = inCode || openFence ? null : headingPattern.exec(line);
    if (!heading) continue;
    const text = plainInline(heading[2]!.replace(componentTagPattern, ''));
    const id = slugger.slug(text);
    if (heading[1] === '##') sections.push({ heading: text, id });
  }
  return sections;
}

/**
 * The lesson's parts with their planned minutes, in order; an empty list when the lesson plans none (it is
 * then scheduled as one block of `duration`). Throws, naming the file, when there is not one part per `##` heading.
 */
export function partMinutes(lesson: PlannableLesson): PlannedPart[] {
  const { parts } = lesson.data;
  if (!parts) return [];
  const file = lesson.filePath ?? lesson.id;
  if (lesson.body === undefined) throw new Error(`${file}: its source is not available, so its parts cannot be matched with its headings.`);
  const sections = sectionsWithIds(lesson.body);
  if (sections.length !== parts.length) {
    const headings = sections.map(({ heading }) => `“${heading}”`).join(', ');
    throw new Error(
      `${file}: the frontmatter plans ${parts.length} parts, but the lesson has ${sections.length} sections (## headings): ${headings}. ` +
        'Give `parts` one `minutes` entry per section, in the same order.',
    );
  }
  return sections.map((section, index) => ({ ...section, minutes: parts[index]!.minutes }));
}
