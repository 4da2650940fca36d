import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerFits, quizDisagreement, quizzesInSource, scoreAnswer, translatedQuizzes } from '../../src/lib/quizzes';

const file = 'src/content/sessions/en/module-99/01-x.mdx';
const frontmatter = '---\ntitle: x\nmodule: 99\n---\n';
const option = (id: string, attributes = '') => `  <Option id="${id}"${attributes}>Option ${id}. <Explanation>Why ${id}.</Explanation></Option>`;
const quiz = (id: string, body: string[], attributes = '') => [`<Quiz id="${id}"${attributes}>`, '  <Question>Which one?</Question>', ...body, '</Quiz>'].join('\n');
const lesson = (...parts: string[]) => `${frontmatter}\n## Check\n\n${parts.join('\n\n')}\n`;

describe('quizzesInSource', () => {
  it('reads each quiz with its options, the right ones and the line of its tag', () => {
    const source = lesson(quiz('port-moves', [option('new-port', ' correct'), option('firewall')]), quiz('refuse-cloud', [option('private', ' correct'), option('personal', ' correct'), option('code')], ' multiple'));
    expect(quizzesInSource(source, file)).toEqual([
      { id: 'port-moves', multiple: false, line: 8, options: [{ id: 'new-port', correct: true }, { id: 'firewall', correct: false }] },
      { id: 'refuse-cloud', multiple: true, line: 14, options: [{ id: 'private', correct: true }, { id: 'personal', correct: true }, { id: 'code', correct: false }] },
    ]);
  });

  it('ignores quizzes shown as code and in comments, and a lesson without any', () => {
    const shown = ['```mdx', quiz('in-code', [option('a')]), '```', '{/*', quiz('in-comment', [option('b')]), '*/}'].join('\n');
    expect(quizzesInSource(lesson(shown, quiz('real', [option('a', ' correct'), option('b')])), file).map(({ id, line }) => [id, line])).toEqual([['real', 21]]);
    expect(quizzesInSource(lesson('No quiz here; `<Option>` in prose is text.'), file)).toEqual([]);
  });

  it.each([
    ['no option marked correct', quiz('q', [option('a'), option('b')]), ':8: <Quiz id="q">: no option is marked correct'],
    ['two right options in a single-answer quiz', quiz('q', [option('a', ' correct'), option('b', ' correct')]), 'only one can be chosen: mark one, or add `multiple`'],
    ['an option without its explanation', quiz('q', ['  <Option id="a" correct>Option a.</Option>', option('b')]), ':10: <Quiz id="q">: an option is one line: <Option id="…">its text <Explanation>'],
    ['an option with two explanations', quiz('q', ['  <Option id="a" correct>A <Explanation>x</Explanation> <Explanation>y</Explanation></Option>', option('b')]), 'an option has one <Explanation>'],
    ['an empty explanation', quiz('q', ['  <Option id="a" correct>A <Explanation> </Explanation></Option>', option('b')]), 'an option is one line'],
    ['a repeated option id', quiz('q', [option('a', ' correct'), option('a')]), ':11: <Quiz id="q">: the option id "a" is used twice'],
    ['a single option', quiz('q', [option('a', ' correct')]), 'at least two options; it has 1'],
    ['no question', ['<Quiz id="q">', option('a', ' correct'), option('b'), '</Quiz>'].join('\n'), 'needs a <Question>'],
    ['a question after the options', quiz('q', [option('a', ' correct'), '  <Question>Again?</Question>', option('b')]), 'one <Question>, before its options'],
    ['an id that is not kebab-case', quiz('Port_Moves', [option('a', ' correct'), option('b')]), ':8: <Quiz> needs a kebab-case id'],
    ['an expression for an attribute', quiz('q', [option('a', ' correct={true}'), option('b')]), '<Option> takes only literal attributes (id, correct)'],
    ['an attribute it does not know', quiz('q', [option('a', ' correct'), option('b')], ' shuffle'), '<Quiz> does not take "shuffle"'],
    ['prose inside the quiz', quiz('q', [option('a', ' correct'), 'Some words.', option('b')]), ':11: <Quiz id="q">: only a <Question>…</Question> line and <Option …>…</Option> lines'],
    ['an option outside any quiz', option('a', ' correct'), ':8: <Question> and <Option> belong inside a <Quiz id="…">'],
    ['a quiz never closed', ['<Quiz id="q">', '  <Question>Which?</Question>', option('a', ' correct'), option('b')].join('\n'), ':8: <Quiz id="q">: the quiz is never closed'],
  ])('stops at %s, naming the file, the line and the quiz', (_, body, message) => {
    expect(() => quizzesInSource(lesson(body), file)).toThrow(message.startsWith(':') ? `${file}${message}` : message);
  });

  it('says where a quiz id is used twice in a lesson', () => {
    const twice = lesson(quiz('q', [option('a', ' correct'), option('b')]), quiz('q', [option('a', ' correct'), option('b')]));
    expect(() => quizzesInSource(twice, file)).toThrow(`${file}:14: <Quiz id="q">: this id is used twice in the lesson`);
  });
});

describe('a translation’s quizzes', () => {
  const english = quizzesInSource(lesson(quiz('q', [option('a', ' correct'), option('b')]), quiz('m', [option('x', ' correct'), option('y', ' correct'), option('z')], ' multiple')), file);
  const bg = 'src/content/sessions/bg/module-99/01-x.mdx';

  it('may leave a quiz out (an outdated translation) but must keep the ids, options and right answers of those it has', () => {
    expect(translatedQuizzes(english, lesson(quiz('q', [option('a', ' correct'), option('b')])), bg).map(({ id }) => id)).toEqual(['q']);
    expect(() => translatedQuizzes(english, lesson(quiz('other', [option('a', ' correct'), option('b')])), bg)).toThrow(`${bg}:8: <Quiz id="other">: the English source has no quiz with this id`);
    expect(() => translatedQuizzes(english, lesson(quiz('q', [option('b'), option('a', ' correct')])), bg)).toThrow('its options must be the English ones, in the same order: a, b; found b, a.');
    expect(() => translatedQuizzes(english, lesson(quiz('q', [option('a'), option('b', ' correct')])), bg)).toThrow('the right options must be the English ones: a; found b.');
  });

  it('names a change between one answer and several', () => {
    const [single] = quizzesInSource(lesson(quiz('m', [option('x', ' correct'), option('y')])), bg);
    expect(quizDisagreement(english[1]!, single!)).toBe('the English quiz allows several answers (`multiple`); this one does not.');
    expect(quizDisagreement(english[0]!, english[0]!)).toBeUndefined();
  });
});

describe('scoring an answer', () => {
  const single = { multiple: false, options: [{ id: 'a', correct: true }, { id: 'b', correct: false }, { id: 'c', correct: false }] };
  const multiple = { multiple: true, options: [{ id: 'x', correct: true }, { id: 'y', correct: true }, { id: 'z', correct: false }] };

  it('is right only with exactly the right options, and names the wrong and the missed ones', () => {
    expect(scoreAnswer(single, ['a'])).toEqual({ correct: true, wrongChoices: [], missed: [] });
    expect(scoreAnswer(single, ['b'])).toEqual({ correct: false, wrongChoices: ['b'], missed: ['a'] });
    expect(scoreAnswer(multiple, ['x', 'y'])).toEqual({ correct: true, wrongChoices: [], missed: [] });
    expect(scoreAnswer(multiple, ['x'])).toEqual({ correct: false, wrongChoices: [], missed: ['y'] });
    expect(scoreAnswer(multiple, ['x', 'y', 'z'])).toEqual({ correct: false, wrongChoices: ['z'], missed: [] });
  });

  it('takes only answers the quiz can have: known ids, none twice, one unless several are allowed', () => {
    expect(answerFits(single, ['b'])).toBe(true);
    expect(answerFits(single, [])).toBe(false);
    expect(answerFits(single, ['a', 'b'])).toBe(false);
    expect(answerFits(single, ['gone'])).toBe(false); // an option removed since the answer was stored
    expect(answerFits(multiple, ['x', 'z'])).toBe(true);
    expect(answerFits(multiple, ['x', 'x'])).toBe(false);
  });
});

describe('the course’s own quizzes', () => {
  const lessonsIn = (locale: string) =>
    readdirSync(join('src/content/sessions', locale), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));

  it('are well formed, and every translation’s agree with the English ones', () => {
    for (const englishFile of lessonsIn('en')) {
      const sourceQuizzes = quizzesInSource(readFileSync(englishFile, 'utf8'), englishFile);
      for (const locale of ['bg', 'ar']) {
        const translation = englishFile.replace('/en/', `/${locale}/`);
        const text = (() => {
          try {
            return readFileSync(translation, 'utf8');
          } catch {
            return undefined;
          }
        })();
        if (text !== undefined) expect(translatedQuizzes(sourceQuizzes, text, translation).map(({ id }) => id)).toEqual(sourceQuizzes.map(({ id }) => id));
      }
    }
  });

  it('give Session 4 five questions, two of them with several right answers', () => {
    const quizzes = quizzesInSource(readFileSync('src/content/sessions/en/module-08/04-cutting-edge-models.mdx', 'utf8'), 'en');
    expect(quizzes.map(({ id }) => id)).toEqual(['port-moves', 'alias-or-id', 'wasm-beats-webgpu', 'network-host', 'refuse-cloud']);
    expect(quizzes.filter(({ multiple }) => multiple).map(({ id }) => id)).toEqual(['wasm-beats-webgpu', 'refuse-cloud']);
  });
});
