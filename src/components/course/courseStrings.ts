/** The UI strings the chrome's scripts read (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';

/** What the search page's script says. */
export const courseSearchKeys = ['search.noResults', 'search.resultCount', 'search.unavailable'] as const satisfies readonly UiKey[];
/** A key of `courseSearchKeys`. */
export type CourseSearchKey = (typeof courseSearchKeys)[number];

/** What a code block's copy button says. */
export const codeBlockKeys = ['code.copy', 'code.copied', 'code.copyFailed'] as const satisfies readonly UiKey[];
/** A key of `codeBlockKeys`. */
export type CodeBlockKey = (typeof codeBlockKeys)[number];
