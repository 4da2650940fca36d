/** The UI strings the quiz room's script reads (see components/strings.ts). */
import type { UiKey } from '../../lib/i18n';
import { storageNoticeKeys } from '../progress/progressStrings';

/** What a quiz's script says: the summary after Check, and where the answer is (not) kept. */
export const quizKeys = ['quiz.right', 'quiz.wrong', 'quiz.wrongMultiple', 'quiz.chooseFirst', ...storageNoticeKeys] as const satisfies readonly UiKey[];
/** A key of `quizKeys`. */
export type QuizKey = (typeof quizKeys)[number];
