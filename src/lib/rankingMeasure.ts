/**
 * How well a ranking finds the passage that answers a question: hit@1, hit@3 and mean reciprocal rank
 * over a question set. A question names its answer by a snippet of the answering passage's text, not by
 * an id, so the set survives re-cutting the lesson into passages.
 */
import { plainInline, type Passage } from './passages.ts';

/** A learner's question and a snippet of the passage that answers it (as written in the lesson, Markdown marks allowed). */
export interface MeasuredQuestion {
  question: string;
  answer: string;
}

/** The scores of one ranking over one question set. */
export interface RankingScore {
  questions: number;
  hitsAt1: number;
  hitsAt3: number;
  /** Mean reciprocal rank of the answering passage within the first `depth` (0 where it is not among them). */
  meanReciprocalRank: number;
  /** Questions whose answer was not in the top three, with the sections ranked first instead. */
  misses: { question: string; answer: string; top: string[] }[];
}

/** Text as the comparison sees it: Markdown marks dropped, whitespace collapsed, case folded. */
function comparable(text: string): string {
  return plainInline(text).replace(/\s+/g, ' ').toLowerCase();
}

/** Whether `passage` holds the answer snippet. */
export function holdsAnswer(passage: Passage, answer: string): boolean {
  return comparable(passage.text).includes(comparable(answer));
}

/** The snippets that no passage of `passages` holds: a question set that no longer matches its lesson. */
export function unmatchedAnswers(questions: readonly MeasuredQuestion[], passages: readonly Passage[]): string[] {
  return questions.filter(({ answer }) => !passages.some((passage) => holdsAnswer(passage, answer))).map(({ answer }) => answer);
}

/** Scores `rank` (best first) over `questions`, looking `depth` passages deep for the reciprocal rank. */
export async function scoreRanking(questions: readonly MeasuredQuestion[], rank: (question: string, depth: number) => readonly Passage[] | Promise<readonly Passage[]>, depth = 10): Promise<RankingScore> {
  let hitsAt1 = 0;
  let hitsAt3 = 0;
  let reciprocalRanks = 0;
  const misses: RankingScore['misses'] = [];
  for (const { question, answer } of questions) {
    const ranked = await rank(question, depth);
    const position = ranked.findIndex((passage) => holdsAnswer(passage, answer));
    if (position === 0) hitsAt1++;
    if (position >= 0 && position < 3) hitsAt3++;
    else misses.push({ question, answer, top: ranked.slice(0, 3).map((passage) => passage.section) });
    if (position >= 0) reciprocalRanks += 1 / (position + 1);
  }
  return { questions: questions.length, hitsAt1, hitsAt3, meanReciprocalRank: questions.length ? reciprocalRanks / questions.length : 0, misses };
}
