import { describe, expect, it } from 'vitest';
import { holdsAnswer, scoreRanking, unmatchedAnswers } from '../../src/lib/rankingMeasure';
import { createPassageIndex, searchWords } from '../../src/lib/passageSearch';
import { loadWordForms } from '../../src/lib/wordForms';
import type { Passage } from '../../src/lib/passages';
import { passageQuestionSets } from '../support/passageQuestions';

const passage = (id: string, text: string): Passage => ({ id, source: 'lesson', section: id, text });
const ports = passage('ports', 'Foundry Local picks a **free port** each time its service starts.');
const memory = passage('memory', 'A laptop with 8 GB cannot hold two models at once.');
const docker = passage('docker', 'Open WebUI keeps its settings in a `volume`.');

describe('the passage-level measure', () => {
  it('finds an answer by its text, whatever Markdown marks and line breaks the passage has', () => {
    expect(holdsAnswer(ports, 'picks a free port each time')).toBe(true);
    expect(holdsAnswer(docker, 'keeps its settings in a volume')).toBe(true);
    expect(holdsAnswer(memory, 'picks a free port')).toBe(false);
  });

  it('counts hit@1, hit@3 and the mean reciprocal rank', async () => {
    const order = [docker, memory, ports];
    const score = await scoreRanking(
      [
        { question: 'first', answer: 'keeps its settings' }, // rank 1
        { question: 'third', answer: 'free port' }, // rank 3
        { question: 'absent', answer: 'no passage says this' }, // not found
      ],
      () => order,
    );
    expect(score).toMatchObject({ questions: 3, hitsAt1: 1, hitsAt3: 2 });
    expect(score.meanReciprocalRank).toBeCloseTo((1 + 1 / 3 + 0) / 3);
    expect(score.misses).toEqual([{ question: 'absent', answer: 'no passage says this', top: ['docker', 'memory', 'ports'] }]);
  });

  it('looks only `depth` passages deep', async () => {
    const score = await scoreRanking([{ question: 'q', answer: 'free port' }], (_question, depth) => [docker, memory, ports].slice(0, depth), 2);
    expect(score.meanReciprocalRank).toBe(0);
  });

  it('names the answers no passage holds', () => {
    expect(unmatchedAnswers([{ question: 'q', answer: 'hold two models' }, { question: 'r', answer: 'a sentence the lesson lost' }], [memory])).toEqual(['a sentence the lesson lost']);
  });
});

describe('the question sets', () => {
  const first = passageQuestionSets('first');
  const heldOut = passageQuestionSets('held-out');

  it('cover every lesson language twice: a first set and a held-out one of a dozen questions', () => {
    expect(first.map((set) => set.locale)).toEqual(expect.arrayContaining(['en', 'bg', 'ar']));
    expect(heldOut.map((set) => set.locale)).toEqual(first.map((set) => set.locale));
    for (const set of first) expect(set.questions.length, set.locale).toBeGreaterThanOrEqual(11);
    for (const set of heldOut) expect(set.questions.length, set.locale).toBeGreaterThanOrEqual(12);
  });

  it.each([...first, ...heldOut].map((set, index) => [`${set.locale} (${index < first.length ? 'first' : 'held-out'})`, set] as const))(
    '%s: every answer is found in exactly one passage of its lesson',
    (_name, set) => {
      expect(unmatchedAnswers(set.questions, set.passages)).toEqual([]);
      for (const { answer } of set.questions) expect(set.passages.filter((passage) => holdsAnswer(passage, answer)), answer).toHaveLength(1);
    },
  );

  it.each(first.map((set) => [set.locale, set] as const))('%s: every word the glossary looks for is a word of its lesson', async (locale, set) => {
    const forms = await loadWordForms(locale);
    const lessonWords = new Set(set.passages.flatMap((passage) => searchWords(`${passage.section} ${passage.text}`, locale, forms)));
    const absent = set.glossary.flatMap(({ lesson }) => lesson).filter((word) => !searchWords(word, locale, forms).every((form) => lessonWords.has(form)));
    expect(absent).toEqual([]);
  });

  it('a glossary entry brings the lesson’s word into a question that lacks it', () => {
    const index = createPassageIndex([ports, memory, docker], 'en', undefined, [{ lesson: ['volume'], asked: ['persist'] }]);
    expect(index.search('persist my settings', 1)[0]?.passage.id).toBe('docker');
    expect(createPassageIndex([ports, memory], 'en').search('persist', 1)).toEqual([]);
  });
});
