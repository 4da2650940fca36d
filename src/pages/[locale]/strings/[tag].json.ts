/** One live element's UI strings in one locale (fallbacks applied), fetched by pageBehaviours.ts with the element's code. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pickStrings } from '../../../lib/i18n';
import { locales, type Locale } from '../../../lib/locales';
import { stringSets, type StringSetTag } from '../../../components/stringSets';

/** Built at build time: strings change only with the dictionaries. */
export const prerender = true;

/** One file per locale and element. */
export const getStaticPaths = (() =>
  locales.flatMap((locale) => Object.keys(stringSets).map((tag) => ({ params: { locale, tag } })))) satisfies GetStaticPaths;

/** Answers the element's strings as a JSON object, key → text. */
export const GET: APIRoute = ({ params }) => {
  const tag = params['tag'] as StringSetTag;
  const strings = pickStrings(params['locale'] as Locale, stringSets[tag]);
  return new Response(JSON.stringify(strings), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
