/**
 * The language menu's entries: each language by its own name (and by its name in the page's language
 * when that differs), linking to the same page in that language, marked when the lesson is translated
 * there, and found by any of those names or its code as the reader types.
 */
import { languageName, textDirection } from './locales.ts';

/** One language in the menu. */
export interface LanguageEntry {
  code: string;
  /** The language's name in itself: "Deutsch". */
  ownName: string;
  /** Its name in the page's language, when that is not its own: "German" on an English page. */
  localName: string | undefined;
  href: string;
  dir: 'ltr' | 'rtl';
  /** Whether this page's lesson is translated into the language (else it shows in English there). */
  translated: boolean;
}

/** Text as the filter compares it: no case, no accents or marks. */
function comparable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every language of `codes`, for a page at `path` (inside its locale) read in `pageLocale`. */
export function languageEntries(codes: readonly string[], pageLocale: string, path: string, translated: ReadonlySet<string>): LanguageEntry[] {
  return codes.map((code) => {
    const ownName = languageName(code);
    const inPage = languageName(code, pageLocale);
    return { code, ownName, localName: inPage === ownName ? undefined : inPage, href: `/${code}/${path}`, dir: textDirection(code), translated: translated.has(code) };
  });
}

/** The entries whose own name, name in the page's language or code contains what the reader typed. */
export function matchingEntries(entries: readonly LanguageEntry[], typed: string): LanguageEntry[] {
  const wanted = comparable(typed.trim());
  if (!wanted) return [...entries];
  return entries.filter((entry) => [entry.ownName, entry.localName ?? '', entry.code].some((name) => comparable(name).includes(wanted)));
}
