/** The UI strings the chrome's scripts read (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';

/** What the search page's script says. */
export const courseSearchKeys = ['search.noResults', 'search.resultCount', 'search.unavailable'] as const satisfies readonly UiKey[];
/** A key of `courseSearchKeys`. */
export type CourseSearchKey = (typeof courseSearchKeys)[number];
