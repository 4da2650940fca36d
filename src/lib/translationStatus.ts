/**
 * How a lesson in one locale relates to its English source: the source itself, missing, or a translation
 * that may be outdated (the English file's MD5 differs from the one it was translated from) and may be
 * incomplete (fewer headings, code blocks or checklist items than the English).
 */
import type { LessonOutline, LessonSection } from './lessonOutline';

/** What a translation records about the English file it was made from. */
export interface TranslationOrigin {
  sourceHash?: string | undefined;
  translatedOn?: Date | undefined;
  by?: 'machine' | 'human' | undefined;
  /** Who reviewed the translation against the English, and when; undefined while nobody has. */
  reviewed?: Review | undefined;
  /** The English sections at translation time, when the translation tool recorded them. */
  sourceSections?: readonly LessonSection[] | undefined;
}

/** A person's review of a translation. */
export interface Review {
  by: string;
  on: Date;
}

/** An English section that changed, appeared or disappeared since the translation was made, and where the translation has it. */
export interface ChangedSection {
  /** The heading in the English source (for a removed section: as it was when translated). */
  sourceHeading: string;
  /** Where the same section is in the translation (index among its level-2 headings), when it has one. */
  translatedIndex?: number | undefined;
}

/** A kind of part the translation has fewer of than the English source, with both counts. */
export type MissingPart = { part: 'headings' | 'codeBlocks' | 'tasks'; found: number; expected: number };

/** A lesson in one locale: the English source itself, not translated, or a translation with its origin, staleness and gaps. */
export type TranslationStatus =
  | { kind: 'source' }
  | { kind: 'missing' }
  | {
      kind: 'translated';
      by: 'machine' | 'human' | undefined;
      translatedOn: Date | undefined;
      reviewed: Review | undefined;
      /** Present when the English changed after translation; `changedSections` undefined when unknowable. */
      outdated?: { changedSections: ChangedSection[] | undefined } | undefined;
      missingParts: MissingPart[];
    };

/** A one-word status shown beside a lesson; a translation can be both `outdated` and `incomplete`. */
export type StatusLabel = 'source' | 'missing' | 'current' | 'outdated' | 'incomplete';

/** What status needs of the English source: the MD5 of its file and its outline. */
export interface SourceFacts {
  hash: string;
  outline: LessonOutline;
}

/** What status needs of a translation: what it records of its origin, and its outline. */
export interface TranslationFacts {
  origin: TranslationOrigin;
  outline: LessonOutline;
}

/** English sections that differ from the ones recorded at translation time: changed, added or removed. */
export function changedSections(
  recorded: readonly LessonSection[],
  current: readonly LessonSection[],
  translated: readonly LessonSection[],
): ChangedSection[] {
  // A translation keeps the source's section order, so recorded section i is translated section i.
  const translatedIndexOf = (index: number) => (index < translated.length ? index : undefined);
  const changed: ChangedSection[] = [];
  for (const section of current) {
    const index = recorded.findIndex((old) => old.heading === section.heading);
    if (index < 0) changed.push({ sourceHeading: section.heading });
    else if (recorded[index]!.hash !== section.hash)
      changed.push({ sourceHeading: section.heading, translatedIndex: translatedIndexOf(index) });
  }
  recorded.forEach((old, index) => {
    if (!current.some((section) => section.heading === old.heading))
      changed.push({ sourceHeading: old.heading, translatedIndex: translatedIndexOf(index) });
  });
  return changed;
}

function missingParts(source: LessonOutline, translation: LessonOutline): MissingPart[] {
  const counts: MissingPart[] = [
    { part: 'headings', found: translation.headingCount, expected: source.headingCount },
    { part: 'codeBlocks', found: translation.codeBlockCount, expected: source.codeBlockCount },
    { part: 'tasks', found: new Set(translation.taskIds.filter((id) => source.taskIds.includes(id))).size, expected: source.taskIds.length },
  ];
  return counts.filter(({ found, expected }) => found < expected);
}

/** The status of one lesson in one locale. Pass no translation for a locale that has none. */
export function translationStatus(source: SourceFacts, translation?: TranslationFacts, isSourceLocale = false): TranslationStatus {
  if (isSourceLocale) return { kind: 'source' };
  if (!translation) return { kind: 'missing' };
  const { origin, outline } = translation;
  const isOutdated = !origin.sourceHash || origin.sourceHash.toLowerCase() !== source.hash;
  return {
    kind: 'translated',
    by: origin.by,
    translatedOn: origin.translatedOn,
    reviewed: origin.reviewed,
    outdated: isOutdated
      ? { changedSections: origin.sourceSections && changedSections(origin.sourceSections, source.outline.sections, outline.sections) }
      : undefined,
    missingParts: missingParts(source.outline, outline),
  };
}

/** The labels a reader or translator sees for a status, most urgent first. */
export function statusLabels(status: TranslationStatus): StatusLabel[] {
  if (status.kind !== 'translated') return [status.kind];
  const labels: StatusLabel[] = [];
  if (status.missingParts.length > 0) labels.push('incomplete');
  if (status.outdated) labels.push('outdated');
  return labels.length > 0 ? labels : ['current'];
}

/** Whether a reader must be told that no person has checked this page: a machine translation nobody has reviewed. */
export function isUnreviewedMachineTranslation(status: TranslationStatus): boolean {
  return status.kind === 'translated' && status.by === 'machine' && !status.reviewed;
}
