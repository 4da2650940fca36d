import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sessionSchema } from '../../src/content/sessionSchema';
import { quizTexts, taskLabels } from '../../src/lib/lessonLabels';
import { partMinutes } from '../../src/lib/lessonParts';

const frontmatter = {
  title: 'A lesson',
  description: 'About something.',
  module: 1,
  session: 1,
  duration: 20,
  level: 'beginner',
  objectives: ['Learn'],
};

const body = `
## Start here

\`\`\`bash
## not a heading: a comment in code
\`\`\`

### Setup

## The \`foundry\` CLI: [status](https://example.com)

## Setup
`;

describe('partMinutes', () => {
  it('pairs each ## section with its minutes, in order, with the id Astro gives its heading', () => {
    const parts = partMinutes({ id: 'en/m/s', body, data: { duration: 20, parts: [{ minutes: 5 }, { minutes: 10 }, { minutes: 5 }] } });
    expect(parts).toEqual([
      { heading: 'Start here', id: 'start-here', minutes: 5 },
      { heading: 'The foundry CLI: status', id: 'the-foundry-cli-status', minutes: 10 },
      // The ### Setup above took "setup" first.
      { heading: 'Setup', id: 'setup-1', minutes: 5 },
    ]);
  });

  it('gives no parts for a lesson that plans none', () => {
    expect(partMinutes({ id: 'en/m/s', body, data: { duration: 20 } })).toEqual([]);
  });

  it('fails, naming the file and the headings, when there is not one part per section', () => {
    const lesson = { id: 'en/m/s', filePath: 'src/content/sessions/en/m/s.mdx', body, data: { duration: 20, parts: [{ minutes: 10 }, { minutes: 10 }] } };
    expect(() => partMinutes(lesson)).toThrow(
      'src/content/sessions/en/m/s.mdx: the frontmatter plans 2 parts, but the lesson has 3 sections (## headings): “Start here”, “The foundry CLI: status”, “Setup”.',
    );
  });
});

describe('the frontmatter’s parts', () => {
  it('are optional', () => {
    expect(sessionSchema.safeParse(frontmatter).success).toBe(true);
  });

  it('must add up to the duration, and the error says both sums', () => {
    const result = sessionSchema.safeParse({ ...frontmatter, parts: [{ minutes: 5 }, { minutes: 10 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['parts'], message: "the parts' minutes (5 + 10) add up to 15, but duration is 20: make them agree" }),
    ]);
  });

  it('are whole, non-negative minutes and nothing else', () => {
    for (const parts of [[{ minutes: 20.5 }], [{ minutes: -5 }, { minutes: 25 }], [{ minutes: 20, title: 'x' }], []])
      expect(sessionSchema.safeParse({ ...frontmatter, parts }).success).toBe(false);
    expect(sessionSchema.safeParse({ ...frontmatter, parts: [{ minutes: 20 }, { minutes: 0 }] }).success).toBe(true);
  });
});

describe('the course’s own lessons', () => {
  const root = resolve(import.meta.dirname, '../..');
  const lessonFiles = ['src/content/sessions', 'tests/fixtures/sessions'].flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.mdx?$/.test(file))
      .map((file) => join(folder, file)),
  );

  const lessonIn = (file: string) => {
    const source = readFileSync(join(root, file), 'utf8');
    return { id: file, body: source, data: sessionSchema.parse(parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(source)![1]!)) };
  };

  it.each(lessonFiles)('%s plans minutes that match its sections and duration, if any', (file) => {
    expect(() => partMinutes(lessonIn(file))).not.toThrow();
  });

  it.each(['en', 'bg', 'ar'])('include the Session 4 lesson in %s, with minutes planned for its parts', (locale) => {
    const lesson = lessonIn(`src/content/sessions/${locale}/module-08/04-cutting-edge-models.mdx`);
    const parts = partMinutes(lesson);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.reduce((sum, { minutes }) => sum + minutes, 0)).toBe(lesson.data.duration);
  });
});

describe('the words of tasks and quizzes, for the class dashboard', () => {
  const source = [
    '<Checklist>',
    '  <Task id="run-it">Run **the** model</Task>',
    '</Checklist>',
    '<Quiz id="port-moves">',
    '  <Question>Why `connection refused`?</Question>',
    '  <Option id="new-port" correct>A new port. <Explanation>Because.</Explanation></Option>',
    '  <Option id="firewall">The [firewall](https://example.com). <Explanation>No.</Explanation></Option>',
    '</Quiz>',
  ].join('\n');

  it('reads task labels and quiz texts as plain text', () => {
    expect(taskLabels(source)).toEqual({ 'run-it': 'Run the model' });
    expect(quizTexts(source)).toEqual([
      { id: 'port-moves', question: 'Why connection refused?', options: [{ id: 'new-port', text: 'A new port.', correct: true }, { id: 'firewall', text: 'The firewall.', correct: false }] },
    ]);
  });
});
