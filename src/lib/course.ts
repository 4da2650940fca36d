/**
 * The course as the pages see it: every lesson of the English source, in course order, with its entry in
 * each locale and that translation's status. Built once per build from the `sessions` collection.
 */
import { quizzesInSource } from './quizzes.ts';
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { coOpTranslatorMetadata } from './coOpTranslatorMetadata';
import { lessonOutline, md5 } from './lessonOutline';
import { locales, sourceLocale, type Locale } from './locales';
import { translationStatus, type TranslationOrigin, type TranslationStatus } from './translationStatus';

/** A lesson file as loaded from the `sessions` collection, in any locale. */
export type SessionEntry = CollectionEntry<'sessions'>;

/** A lesson as one locale shows it: the entry to render and how its translation stands against the English source. */
export interface LessonInLocale {
  /** The entry to show: the translation, or the English source when there is none. */
  entry: SessionEntry;
  status: TranslationStatus;
}

/** One lesson of the course: its English source, its checklist task ids, and what each locale has of it. */
export interface Lesson {
  /** The lesson's path inside a locale, e.g. `module-08/04-cutting-edge-models`. */
  slug: string;
  source: SessionEntry;
  /** The ids of the lesson's checklist tasks, from the English source. */
  taskIds: string[];
  /** The ids of the lesson's knowledge checks, read from its English source. */
  quizIds: string[];
  inLocale: Record<Locale, LessonInLocale>;
}

function splitId(id: string): { locale: string; slug: string } {
  const [locale, ...rest] = id.split('/');
  return { locale: locale!, slug: rest.join('/') };
}

function readSource(entry: SessionEntry): string {
  if (!entry.filePath) throw new Error(`Lesson ${entry.id} has no file path.`);
  return readFileSync(entry.filePath, 'utf8');
}

function translationOrigin(entry: SessionEntry, raw: string): TranslationOrigin {
  const { translation } = entry.data;
  const imported = coOpTranslatorMetadata(raw);
  return {
    sourceHash: translation?.sourceHash ?? imported?.sourceHash,
    translatedOn: translation?.date ?? imported?.translationDate,
    by: translation?.by ?? (imported ? 'machine' : undefined),
    reviewed: translation?.reviewed && { by: translation.reviewed.by, on: translation.reviewed.date },
    sourceSections: translation?.sourceSections,
  };
}

async function buildCourse(): Promise<Lesson[]> {
  const entries = await getCollection('sessions');
  const byLocale = new Map<string, Map<string, SessionEntry>>();
  for (const entry of entries) {
    const { locale, slug } = splitId(entry.id);
    if (!byLocale.has(locale)) byLocale.set(locale, new Map());
    byLocale.get(locale)!.set(slug, entry);
  }

  const sources = [...(byLocale.get(sourceLocale)?.values() ?? [])].sort(
    (a, b) => a.data.module - b.data.module || a.data.session - b.data.session,
  );
  for (const [locale, lessons] of byLocale) {
    for (const slug of lessons.keys())
      if (!byLocale.get(sourceLocale)?.has(slug))
        throw new Error(`src/content/sessions/${locale}/${slug}: a translation needs an English source at ${sourceLocale}/${slug}.`);
  }

  return sources.map((source) => {
    const { slug } = splitId(source.id);
    const sourceRaw = readSource(source);
    const sourceFacts = { hash: md5(sourceRaw), outline: lessonOutline(sourceRaw) };
    const inLocale = Object.fromEntries(
      locales.map((locale): [Locale, LessonInLocale] => {
        if (locale === sourceLocale) return [locale, { entry: source, status: translationStatus(sourceFacts, undefined, true) }];
        const translation = byLocale.get(locale)?.get(slug);
        if (!translation) return [locale, { entry: source, status: translationStatus(sourceFacts) }];
        const raw = readSource(translation);
        const facts = { origin: translationOrigin(translation, raw), outline: lessonOutline(raw) };
        return [locale, { entry: translation, status: translationStatus(sourceFacts, facts) }];
      }),
    ) as Record<Locale, LessonInLocale>;
    const quizIds = quizzesInSource(sourceRaw, source.filePath ?? source.id).map((quiz) => quiz.id);
    return { slug, source, taskIds: sourceFacts.outline.taskIds, quizIds, inLocale };
  });
}

let course: Promise<Lesson[]> | undefined;

/** Every lesson in course order (module, then session). */
export function getCourse(): Promise<Lesson[]> {
  course ??= buildCourse();
  return course;
}

/** The locales in which a lesson exists as a translation or as the source: its real alternates. */
export function localesWithLesson(lesson: Lesson): Locale[] {
  return locales.filter((locale) => lesson.inLocale[locale].status.kind !== 'missing');
}

/**
 * The locales a page's lesson is translated into (with the source), for the language menu's marks: the
 * lesson at `path` when the page is one of its views, else any lesson of the course.
 */
export function localesWithLessonAt(lessons: readonly Lesson[], path: string): Locale[] {
  const lesson = lessons.find((candidate) => path.startsWith(`${candidate.slug}/`) || path.includes(`/${candidate.slug}/`));
  return lesson ? localesWithLesson(lesson) : locales.filter((locale) => lessons.some((candidate) => candidate.inLocale[locale].status.kind !== 'missing'));
}

/** The modules of the course, each with its lessons in order. */
export function groupByModule(lessons: readonly Lesson[]): { module: number; lessons: Lesson[] }[] {
  const modules = new Map<number, Lesson[]>();
  for (const lesson of lessons) {
    const list = modules.get(lesson.source.data.module) ?? [];
    list.push(lesson);
    modules.set(lesson.source.data.module, list);
  }
  return [...modules].map(([module, moduleLessons]) => ({ module, lessons: moduleLessons }));
}

/** The slug of the lesson a page shows, from its route's `module` and `session` params: the lesson page and its instructor views alike. */
export function lessonSlugOf(params: Record<string, string | undefined>, component: string): string {
  const { module, session } = params;
  if (!module || !session) throw new Error(`${component} belongs in a lesson page (a route with [module] and [session]).`);
  return `${module}/${session}`;
}
