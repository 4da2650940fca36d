/**
 * How each UI dictionary was made: the English source, or a translation by machine or by a person, and
 * whether a person reviewed it (who, when). The translators' page shows it beside each lesson's own
 * record (its frontmatter's `translation`). A reviewer adds `reviewed` here.
 */
import type { Locale } from '../lib/locales';

/** Where one dictionary's strings came from. */
export interface DictionaryOrigin {
  by: 'source' | 'machine' | 'human';
  /** When it was made (YYYY-MM-DD). */
  date: string;
  reviewed?: { by: string; date: string };
}

/** Every course locale's dictionary origin. */
export const dictionaryOrigins: Record<Locale, DictionaryOrigin> = {
  en: { by: 'source', date: '2026-11-26' },
  ar: { by: 'machine', date: '2026-11-26' },
  bg: { by: 'machine', date: '2026-11-26' },
  bn: { by: 'machine', date: '2026-12-02' },
  cs: { by: 'machine', date: '2026-12-02' },
  da: { by: 'machine', date: '2026-12-02' },
  de: { by: 'machine', date: '2026-12-02' },
  el: { by: 'machine', date: '2026-12-02' },
  es: { by: 'machine', date: '2026-12-02' },
  et: { by: 'machine', date: '2026-12-02' },
  fa: { by: 'machine', date: '2026-12-02' },
  fi: { by: 'machine', date: '2026-12-02' },
  fr: { by: 'machine', date: '2026-12-02' },
  he: { by: 'machine', date: '2026-12-02' },
  hi: { by: 'machine', date: '2026-12-02' },
  hr: { by: 'machine', date: '2026-12-02' },
  hu: { by: 'machine', date: '2026-12-02' },
  id: { by: 'machine', date: '2026-12-02' },
  it: { by: 'machine', date: '2026-12-02' },
  ja: { by: 'machine', date: '2026-12-02' },
  km: { by: 'machine', date: '2026-12-02' },
  kn: { by: 'machine', date: '2026-12-02' },
  ko: { by: 'machine', date: '2026-12-02' },
  lt: { by: 'machine', date: '2026-12-02' },
  ml: { by: 'machine', date: '2026-12-02' },
  mr: { by: 'machine', date: '2026-12-02' },
  ms: { by: 'machine', date: '2026-12-02' },
  my: { by: 'machine', date: '2026-12-02' },
  ne: { by: 'machine', date: '2026-12-02' },
  nl: { by: 'machine', date: '2026-12-02' },
  no: { by: 'machine', date: '2026-12-02' },
  pa: { by: 'machine', date: '2026-12-02' },
  pcm: { by: 'machine', date: '2026-12-02' },
  pl: { by: 'machine', date: '2026-12-02' },
  'pt-BR': { by: 'machine', date: '2026-12-02' },
  'pt-PT': { by: 'machine', date: '2026-12-02' },
  ro: { by: 'machine', date: '2026-12-02' },
  ru: { by: 'machine', date: '2026-12-02' },
  sk: { by: 'machine', date: '2026-12-02' },
  sl: { by: 'machine', date: '2026-12-02' },
  sr: { by: 'machine', date: '2026-12-02' },
  sv: { by: 'machine', date: '2026-12-02' },
  sw: { by: 'machine', date: '2026-12-02' },
  ta: { by: 'machine', date: '2026-12-02' },
  te: { by: 'machine', date: '2026-12-02' },
  th: { by: 'machine', date: '2026-12-02' },
  tl: { by: 'machine', date: '2026-12-02' },
  tr: { by: 'machine', date: '2026-12-02' },
  uk: { by: 'machine', date: '2026-12-02' },
  ur: { by: 'machine', date: '2026-12-02' },
  vi: { by: 'machine', date: '2026-12-02' },
  'zh-CN': { by: 'machine', date: '2026-12-02' },
  'zh-HK': { by: 'machine', date: '2026-12-02' },
  'zh-MO': { by: 'machine', date: '2026-12-02' },
  'zh-TW': { by: 'machine', date: '2026-12-02' },
};
