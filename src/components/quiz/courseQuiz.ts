/**
 * The behaviour of <course-quiz>: each option becomes a radio button (a checkbox in a `multiple` quiz)
 * labelled by its text, and its folded explanation becomes its feedback. Check scores the answer
 * (src/lib/quizzes.ts) and keeps it in the progress store by option id; Try again unlocks the options. The
 * quiz shows whatever answer is stored, so it survives a reload, a change of language, an import and
 * another tab's answer. A wrong answer shows the explanations of the options chosen, so that trying
 * again still means something; a right one shows every option's.
 */
import { translateFrom, type Translate } from '../../lib/i18n';
import { quizKey, type Progress } from '../../lib/progress';
import type { ChangeOutcome } from '../../lib/progressStore';
import { answerFits, scoreAnswer, type QuizDefinition } from '../../lib/quizzes';
import { part, parts } from '../dom';
import { browserProgress } from '../progress/browserProgress';
import { showStorageNotices } from '../progress/storageNotices';
import { readStrings } from '../strings';
import type { QuizKey } from './quizStrings';

interface OptionParts {
  id: string;
  correct: boolean;
  element: HTMLElement;
  input: HTMLInputElement;
  feedback: HTMLElement;
}

class CourseQuiz extends HTMLElement {
  private t: Translate<QuizKey> = translateFrom<QuizKey>({});
  private options: OptionParts[] = [];
  /** When the stored answer on show was given, so that a change to other progress leaves the learner's new choice alone. */
  private shownAnswerAt: string | undefined;
  private choosing = true;

  connectedCallback() {
    if (this.options.length > 0) return; // moved within the page: already set up
    this.t = readStrings(this);
    this.options = parts(this, '.quiz-option').map((element) => this.enhance(element));
    part(this, '.quiz-check').addEventListener('click', () => this.check());
    part(this, '.quiz-retry').addEventListener('click', () => this.unlock({ focus: true }));
    const store = browserProgress();
    this.render(store.progress);
    // Live only once the stored answer is on show, so that opening a page with answers announces nothing.
    part(this, '.quiz-summary').setAttribute('aria-live', 'polite');
    store.subscribe((progress) => this.render(progress));
  }

  private get lesson(): string {
    return this.dataset['lesson'] ?? '';
  }

  private get quizId(): string {
    return this.dataset['quiz'] ?? '';
  }

  private get definition(): Pick<QuizDefinition, 'multiple' | 'options'> {
    return { multiple: this.hasAttribute('data-multiple'), options: this.options.map(({ id, correct }) => ({ id, correct })) };
  }

  /** Turns an option's markup into a labelled input followed by its (hidden) feedback. */
  private enhance(element: HTMLElement): OptionParts {
    const id = element.dataset['option'] ?? '';
    const explanation = part(element, '.quiz-explanation');
    const input = document.createElement('input');
    input.type = this.hasAttribute('data-multiple') ? 'checkbox' : 'radio';
    input.name = `quiz-${this.quizId}`;
    input.value = id;
    input.id = `quiz-${this.quizId}-${id}`;
    input.addEventListener('change', () => this.say(''));
    const text = document.createElement('span');
    text.append(...[...element.childNodes].filter((node) => node !== explanation));
    const label = document.createElement('label');
    label.append(input, text);
    const feedback = document.createElement('div');
    feedback.className = 'quiz-feedback';
    feedback.id = `${input.id}-feedback`;
    feedback.hidden = true;
    feedback.append(part(explanation, '.quiz-feedback-text'));
    element.replaceChildren(label, feedback);
    element.classList.add('is-enhanced');
    return { id, correct: element.hasAttribute('data-correct'), element, input, feedback };
  }

  private check() {
    const chosen = this.options.filter(({ input }) => input.checked).map(({ id }) => id);
    if (!answerFits(this.definition, chosen)) {
      this.say(this.t('quiz.chooseFirst'));
      return;
    }
    const store = browserProgress();
    const outcome = store.answerQuiz(this.lesson, this.quizId, { chosen, correct: scoreAnswer(this.definition, chosen).correct });
    if (this.choosing) this.show(chosen); // not stored (progress from a newer version): shown for this visit all the same
    this.showNotice(outcome);
    part(this, '.quiz-retry').focus();
  }

  /** Shows an answer: the choices locked, the verdict said, and the feedback of the options it concerns. */
  private show(chosen: readonly string[]) {
    const { correct } = scoreAnswer(this.definition, chosen);
    this.choosing = false;
    for (const { id, element, input, feedback } of this.options) {
      const isChosen = chosen.includes(id);
      input.checked = isChosen;
      input.disabled = true;
      element.classList.toggle('is-chosen', isChosen);
      feedback.hidden = !(isChosen || correct);
      if (feedback.hidden) input.removeAttribute('aria-describedby');
      else input.setAttribute('aria-describedby', feedback.id);
    }
    this.dataset['result'] = correct ? 'right' : 'wrong';
    this.say(this.t(correct ? 'quiz.right' : this.definition.multiple ? 'quiz.wrongMultiple' : 'quiz.wrong'));
    part(this, '.quiz-check').hidden = true;
    part(this, '.quiz-retry').hidden = false;
  }

  /** Lets the learner choose again; the stored answer stays until they check a new one. */
  private unlock({ focus, clear = false }: { focus: boolean; clear?: boolean }) {
    this.choosing = true;
    for (const { element, input, feedback } of this.options) {
      input.disabled = false;
      if (clear) input.checked = false;
      input.removeAttribute('aria-describedby');
      element.classList.remove('is-chosen');
      feedback.hidden = true;
    }
    delete this.dataset['result'];
    this.say('');
    part(this, '.quiz-check').hidden = false;
    part(this, '.quiz-retry').hidden = true;
    if (focus) (this.options.find(({ input }) => input.checked) ?? this.options[0])?.input.focus();
  }

  private render(progress: Progress) {
    const stored = progress.quizzes[quizKey(this.lesson, this.quizId)];
    if (stored && answerFits(this.definition, stored.chosen)) {
      if (stored.at !== this.shownAnswerAt) this.show(stored.chosen);
      this.shownAnswerAt = stored.at;
    } else if (this.shownAnswerAt !== undefined) {
      // The answer was removed (a reset, here or in another tab) or no longer fits the quiz.
      this.shownAnswerAt = undefined;
      this.unlock({ focus: false, clear: true });
    }
    const notice = part(this, '.storage-notice');
    if (!notice.hidden) showStorageNotices(notice, browserProgress(), this.t);
  }

  /** Says where the answer is kept when it is not simply saved: in memory only, on this page only, or nowhere (read-only). */
  private showNotice(outcome: ChangeOutcome) {
    const notice = part(this, '.storage-notice');
    if (outcome === 'written') notice.hidden = true;
    else showStorageNotices(notice, browserProgress(), this.t);
  }

  private say(text: string) {
    part(this, '.quiz-summary').textContent = text;
  }
}

/** Registers <course-quiz> once. */
export function defineCourseQuiz(): void {
  if (!customElements.get('course-quiz')) customElements.define('course-quiz', CourseQuiz);
}
