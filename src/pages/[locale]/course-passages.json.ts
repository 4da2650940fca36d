/**
 * The course in one locale as retrieval passages, for the RAG chat: what a reader of that locale sees
 * (the translation, or the English source where there is none), with links to the sections, and the
 * glossary of the words that locale's learners use for the lessons' terms.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRelativeLocaleUrl } from '../../lib/localeUrls';
import { getCourse } from '../../lib/course';
import { localePagePaths, type Locale } from '../../lib/locales';
import { markdownPassages } from '../../lib/passages';
import type { GlossaryEntry } from '../../lib/passageSearch';

/** Each language's glossary (src/data/glossary/<locale>.json), where it has one. */
const glossaries = import.meta.glob<{ entries: GlossaryEntry[] }>('../../data/glossary/*.json', { eager: true, import: 'default' });

/** Built once per locale at build time: the passages change only when the lessons do. */
export const prerender = true;

/** One file per course locale. */
export const getStaticPaths = localePagePaths satisfies GetStaticPaths;

/** Answers `{ locale, passages, glossary }`: every lesson's passages, in course order, linking to the sections of that locale's pages, and the words learners use for the lessons' terms. */
export const GET: APIRoute = async ({ params }) => {
  const locale = params['locale'] as Locale;
  const course = await getCourse();
  const passages = course.flatMap((lesson) => {
    const { entry } = lesson.inLocale[locale];
    return markdownPassages(entry.body ?? '', { id: lesson.slug, title: entry.data.title, href: getRelativeLocaleUrl(locale, `${lesson.slug}/`) });
  });
  const glossary = glossaries[`../../data/glossary/${locale}.json`]?.entries ?? [];
  return new Response(JSON.stringify({ locale, passages, glossary }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
