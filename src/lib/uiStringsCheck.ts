/**
 * A build step that warns, per locale, about UI strings still falling back to English.
 * The unit test fails on the same condition; this tells a translator at build time.
 */
import type { AstroIntegration } from 'astro';
import { missingKeys } from './i18n';
import { locales } from './locales';

/** The Astro integration that, when a build starts, logs a warning for each locale listing the UI keys it lacks. */
export function uiStringsCheck(): AstroIntegration {
  return {
    name: 'ui-strings-check',
    hooks: {
      'astro:build:start': ({ logger }) => {
        for (const locale of locales) {
          const missing = missingKeys(locale);
          if (missing.length > 0) logger.warn(`${locale}: ${missing.length} UI strings fall back to English: ${missing.join(', ')}`);
        }
      },
    },
  };
}
