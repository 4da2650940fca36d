/**
 * One collection: session lessons, one file per session per locale at `<locale>/<module>/<session>.mdx`.
 * Test builds (COURSE_FIXTURES=1) add fixture lessons that exercise every translation status.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { sessionSchema } from './content/sessionSchema';
import { isLocale, locales } from './lib/locales';

const lessonFolders = ['src/content/sessions/', ...(process.env.COURSE_FIXTURES === '1' ? ['tests/fixtures/sessions/'] : [])];

function lessonId(entry: string): string {
  const folder = lessonFolders.find((prefix) => entry.startsWith(prefix)) ?? '';
  const id = entry.slice(folder.length).replace(/\.mdx?$/, '');
  const locale = id.split('/')[0]!;
  if (!isLocale(locale))
    throw new Error(`${entry}: lessons live in a locale folder (${locales.join(', ')}), found "${locale}".`);
  return id;
}

const sessions = defineCollection({
  loader: glob({
    base: '.',
    pattern: lessonFolders.map((folder) => `${folder}**/*.{md,mdx}`),
    generateId: ({ entry }) => lessonId(entry),
  }),
  schema: sessionSchema,
});

/** The content collections Astro loads: only `sessions`, with ids `<locale>/<module>/<session>` checked for a known locale. */
export const collections = { sessions };
