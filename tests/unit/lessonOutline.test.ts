import { describe, expect, it } from 'vitest';
import { lessonOutline, md5 } from '../../src/lib/lessonOutline';

const lesson = `---
title: "A lesson"
---

## First

Text.

\`\`\`powershell
# Not a heading: a comment inside code
foundry run phi-4-mini
\`\`\`

### A subsection

## Second

<Checklist>
  <Task id="one">One</Task>
  <Task id="two">Two</Task>
</Checklist>

~~~bash
## also code
~~~
`;

describe('lessonOutline', () => {
  it('counts headings, code blocks and tasks, never taking code for headings', () => {
    const outline = lessonOutline(lesson);
    expect(outline.headingCount).toBe(3);
    expect(outline.codeBlockCount).toBe(2);
    expect(outline.taskIds).toEqual(['one', 'two']);
    expect(outline.sections.map((section) => section.heading)).toEqual(['First', 'Second']);
  });

  it('gives a section the same fingerprint whatever the line endings', () => {
    const crlf = lessonOutline(lesson.replace(/\n/g, '\r\n'));
    expect(crlf.sections).toEqual(lessonOutline(lesson).sections);
  });

  it('changes only the fingerprint of the section that changed', () => {
    const edited = lessonOutline(lesson.replace('Text.', 'New text.'));
    const original = lessonOutline(lesson);
    expect(edited.sections[0]!.hash).not.toBe(original.sections[0]!.hash);
    expect(edited.sections[1]!.hash).toBe(original.sections[1]!.hash);
  });

  it('ignores headings inside HTML and MDX comments', () => {
    const outline = lessonOutline('<!--\n## Hidden\n-->\n{/* \n## Also hidden\n*/}\n## Shown\n');
    expect(outline.sections.map((section) => section.heading)).toEqual(['Shown']);
  });

  it('lets a longer fence contain a shorter one', () => {
    const outline = lessonOutline('````md\n```js\n## inside\n```\n````\n## Outside\n');
    expect(outline.codeBlockCount).toBe(1);
    expect(outline.headingCount).toBe(1);
  });
});

describe('md5', () => {
  it('hashes text as UTF-8 bytes', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5('Сесия')).toBe(md5(new TextEncoder().encode('Сесия')));
  });
});
