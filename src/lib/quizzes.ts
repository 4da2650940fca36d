/**
 * Knowledge-check quizzes: what a lesson's MDX defines, checked when the site is built, and how an answer
 * is scored. A quiz is written as
 *
 *   <Quiz id="port-moves">                  (add `multiple` when more than one option is right)
 *     <Question>Why does …?</Question>
 *     <Option id="new-port" correct>It started on another port. <Explanation>Foundry Local …</Explanation></Option>
 *     <Option id="firewall">The firewall blocks it. <Explanation>Loopback traffic …</Explanation></Option>
 *   </Quiz>
 *
 * with every tag on a line of its own and only literal attributes, which is what lets this module read
 * the definition from the source (as the lesson outline reads task ids) without rendering it, and keeps
 * each option's text and explanation inline for MDX. Quiz and option ids are shared by every translation:
 * answers are stored by id, so a translation must define the same quiz as its English source.
 */
import { fenceAfter } from './markdownSource.ts';

/** One option of a quiz: its id, shared by every translation, and whether choosing it is right. */
export interface QuizOption {
  id: string;
  correct: boolean;
}

/** A quiz as a lesson defines it: its id (unique in the lesson), whether several options may be chosen, and its options in order. */
export interface QuizDefinition {
  id: string;
  multiple: boolean;
  options: QuizOption[];
  /** The line of its `<Quiz>` tag in the file, for messages. */
  line: number;
}

/** How an answer fares: right or not, which chosen options are wrong, and which right ones were not chosen. */
export interface AnswerScore {
  correct: boolean;
  wrongChoices: string[];
  missed: string[];
}

const kebabId = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const quizOpening = /^<Quiz(\s[^>]*)?>$/;
const questionLine = /^<Question>(.*\S.*)<\/Question>$/;
const optionLine = /^<Option(\s[^>]*)?>(.*\S.*?)\s*<Explanation>(.*\S.*)<\/Explanation><\/Option>$/;
const quizTag = /^<\/?(Quiz|Question|Option|Explanation)\b/;
const attributePattern = /\s+([A-Za-z]+)(?:="([^"]*)")?/y;

/** The body lines of a source with their line numbers: frontmatter and comments blanked (lines kept), code fences marked. */
function bodyLines(source: string): { text: string; line: number; inCode: boolean }[] {
  const blank = (text: string) => text.replace(/[^\n]/g, '');
  const body = source
    .replace(/\r\n?/g, '\n')
    .replace(/^---\n[\s\S]*?\n---\n/, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
  let openFence: string | undefined;
  return body.split('\n').map((text, index) => {
    const inCode = openFence !== undefined;
    openFence = fenceAfter(openFence, text);
    return { text, line: index + 1, inCode: inCode || openFence !== undefined };
  });
}

/** The literal attributes of a tag (`id="x"` as text, a bare flag as true), or undefined when any is not literal. */
function literalAttributes(text: string): Map<string, string | true> | undefined {
  const attributes = new Map<string, string | true>();
  let index = 0;
  while (index < text.trimEnd().length) {
    attributePattern.lastIndex = index;
    const match = attributePattern.exec(text);
    if (!match) return undefined;
    attributes.set(match[1]!, match[2] ?? true);
    index = attributePattern.lastIndex;
  }
  return attributes;
}

/** Reads a tag's attributes, allowing only `known` ones; returns a problem to report instead when they don't fit. */
function readAttributes(tag: string, text: string, known: readonly string[]): Map<string, string | true> | string {
  const attributes = literalAttributes(text);
  if (!attributes) return `<${tag}> takes only literal attributes (${known.join(', ')}), such as id="kebab-id"; found "${text.trim()}".`;
  const unknown = [...attributes.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0) return `<${tag}> does not take ${unknown.map((name) => `"${name}"`).join(', ')}; it takes ${known.join(', ')}.`;
  return attributes;
}

/** An error naming the file, the line and (inside one) the quiz, for the build to stop with. */
function problemAt(file: string, line: number, quizId: string | undefined, problem: string): Error {
  return new Error(`${file}:${line}: ${quizId ? `<Quiz id="${quizId}">: ` : ''}${problem}`);
}

/** The id a `<Quiz>` or `<Option>` tag gives, or a problem to report. */
function tagId(tag: 'Quiz' | 'Option', attributes: string, flag: 'multiple' | 'correct', example: string): { id: string; flagged: boolean } | string {
  const read = readAttributes(tag, attributes, ['id', flag]);
  if (typeof read === 'string') return read;
  const id = read.get('id');
  if (typeof id !== 'string' || !kebabId.test(id)) return `<${tag}> needs a kebab-case id such as id="${example}".`;
  return { id, flagged: read.get(flag) === true };
}

/**
 * The quizzes a lesson source defines, in order, checked: kebab-case ids unique in the lesson, one question
 * before the options, at least two options with unique ids, each with its explanation, and a right answer
 * (exactly one unless the quiz says `multiple`). Throws an error naming `file`, the line and the quiz.
 */
export function quizzesInSource(source: string, file: string): QuizDefinition[] {
  const quizzes: QuizDefinition[] = [];
  let open: { quiz: QuizDefinition; hasQuestion: boolean } | undefined;

  for (const { text, line, inCode } of bodyLines(source)) {
    const trimmed = text.trim();
    if (inCode || trimmed === '') continue;
    if (!open) {
      if (!quizTag.test(trimmed)) continue;
      const opening = quizOpening.exec(trimmed);
      if (!opening) {
        const expected = /^<\/?Quiz\b/.test(trimmed) ? 'a quiz opens with <Quiz id="…"> alone on its line' : '<Question> and <Option> belong inside a <Quiz id="…">';
        throw problemAt(file, line, undefined, `${expected}; found "${trimmed}".`);
      }
      const tag = tagId('Quiz', opening[1] ?? '', 'multiple', 'port-moves');
      if (typeof tag === 'string') throw problemAt(file, line, undefined, tag);
      if (quizzes.some((quiz) => quiz.id === tag.id)) throw problemAt(file, line, tag.id, 'this id is used twice in the lesson; quiz ids must be unique in a lesson.');
      open = { quiz: { id: tag.id, multiple: tag.flagged, options: [], line }, hasQuestion: false };
      continue;
    }
    const { quiz } = open;
    if (trimmed === '</Quiz>') {
      const problem = problemOfFinished(quiz, open.hasQuestion);
      if (problem) throw problemAt(file, quiz.line, quiz.id, problem);
      quizzes.push(quiz);
      open = undefined;
    } else if (questionLine.test(trimmed)) {
      if (open.hasQuestion || quiz.options.length > 0) throw problemAt(file, line, quiz.id, 'a quiz has one <Question>, before its options.');
      open.hasQuestion = true;
    } else {
      const option = optionLine.exec(trimmed);
      if (!option) {
        const expected = /^<Option\b/.test(trimmed)
          ? 'an option is one line: <Option id="…">its text <Explanation>why it is right or wrong</Explanation></Option>'
          : 'only a <Question>…</Question> line and <Option …>…</Option> lines may sit inside a quiz, up to </Quiz>';
        throw problemAt(file, line, quiz.id, `${expected}; found "${trimmed}".`);
      }
      if (trimmed.split('<Explanation>').length > 2) throw problemAt(file, line, quiz.id, 'an option has one <Explanation>.');
      const tag = tagId('Option', option[1] ?? '', 'correct', 'new-port');
      if (typeof tag === 'string') throw problemAt(file, line, quiz.id, tag);
      if (quiz.options.some((known) => known.id === tag.id)) throw problemAt(file, line, quiz.id, `the option id "${tag.id}" is used twice in this quiz.`);
      quiz.options.push({ id: tag.id, correct: tag.flagged });
    }
  }
  if (open) throw problemAt(file, open.quiz.line, open.quiz.id, 'the quiz is never closed with </Quiz>.');
  return quizzes;
}

/** What is wrong with a quiz once all of it is read, if anything. */
function problemOfFinished(quiz: QuizDefinition, hasQuestion: boolean): string | undefined {
  const right = quiz.options.filter((option) => option.correct).length;
  if (!hasQuestion) return 'the quiz needs a <Question>…</Question> line.';
  if (quiz.options.length < 2) return `a quiz needs at least two options; it has ${quiz.options.length}.`;
  if (right === 0) return 'no option is marked correct: add `correct` to the right one.';
  if (!quiz.multiple && right > 1) return `${right} options are marked correct, but only one can be chosen: mark one, or add \`multiple\` to the <Quiz>.`;
  return undefined;
}

/** What makes a translated quiz differ from its source's, for a message; undefined when they agree. */
export function quizDisagreement(source: QuizDefinition, translation: QuizDefinition): string | undefined {
  const ids = (quiz: QuizDefinition) => quiz.options.map((option) => option.id).join(', ');
  const right = (quiz: QuizDefinition) => quiz.options.filter((option) => option.correct).map((option) => option.id).join(', ');
  if (source.multiple !== translation.multiple) return `the English quiz ${source.multiple ? 'allows' : 'does not allow'} several answers (\`multiple\`); this one ${translation.multiple ? 'does' : 'does not'}.`;
  if (ids(source) !== ids(translation)) return `its options must be the English ones, in the same order: ${ids(source)}; found ${ids(translation)}.`;
  if (right(source) !== right(translation)) return `the right options must be the English ones: ${right(source)}; found ${right(translation)}.`;
  return undefined;
}

/**
 * The quizzes of a translated lesson, checked against its English source's: each must be a quiz the
 * source has (by id) with the same options in the same order and the same right ones, since an answer
 * stored in one language is shown in all. A source quiz the translation lacks is not an error (the
 * translation is outdated or incomplete). Throws naming `file`, the line and the quiz.
 */
export function translatedQuizzes(sourceQuizzes: readonly QuizDefinition[], translation: string, file: string): QuizDefinition[] {
  const quizzes = quizzesInSource(translation, file);
  for (const quiz of quizzes) {
    const original = sourceQuizzes.find((candidate) => candidate.id === quiz.id);
    const problem = original ? quizDisagreement(original, quiz) : 'the English source has no quiz with this id; use the English quiz ids.';
    if (problem) throw problemAt(file, quiz.line, quiz.id, problem);
  }
  return quizzes;
}

/** True when `chosen` is an answer the quiz can take: known option ids, no repeats, at least one, and one only unless `multiple`. */
export function answerFits(quiz: Pick<QuizDefinition, 'multiple' | 'options'>, chosen: readonly string[]): boolean {
  const known = chosen.every((id) => quiz.options.some((option) => option.id === id));
  return known && chosen.length > 0 && new Set(chosen).size === chosen.length && (quiz.multiple || chosen.length === 1);
}

/** Scores an answer: right when exactly the right options are chosen. */
export function scoreAnswer(quiz: Pick<QuizDefinition, 'options'>, chosen: readonly string[]): AnswerScore {
  const wrongChoices = quiz.options.filter((option) => !option.correct && chosen.includes(option.id)).map((option) => option.id);
  const missed = quiz.options.filter((option) => option.correct && !chosen.includes(option.id)).map((option) => option.id);
  return { correct: wrongChoices.length === 0 && missed.length === 0, wrongChoices, missed };
}
