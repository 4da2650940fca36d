import { describe, expect, it } from 'vitest';
import { lessonOutline } from '../../src/lib/lessonOutline';
import { withoutInstructorNotes } from '../../src/lib/markdownSource';
import { markdownPassages } from '../../src/lib/passages';

const lesson = { id: 'module-01/01-intro', title: 'Intro', href: '/en/module-01/01-intro/' };

describe('withoutInstructorNotes', () => {
  it('drops a note that spans lines, with its attributes, and keeps the text around it', () => {
    const body = 'Before.\n\n<InstructorNote minutes="5">\nDemo the port live.\n\nThen ask who is stuck.\n</InstructorNote>\n\nAfter.';
    expect(withoutInstructorNotes(body)).toBe('Before.\n\n\nAfter.');
  });

  it('drops a note inside one line, and several on a line, keeping what is between them', () => {
    expect(withoutInstructorNotes('Keep <InstructorNote>secret one</InstructorNote> this <InstructorNote>secret two</InstructorNote> too.')).toBe('Keep  this  too.');
  });

  it('keeps a note shown as code inside a fence: it is an example, not a note', () => {
    const body = '```mdx\n<InstructorNote>\nAn example.\n</InstructorNote>\n```';
    expect(withoutInstructorNotes(body)).toBe(body);
  });

  it('drops an unclosed note to the end rather than show it', () => {
    expect(withoutInstructorNotes('Shown.\n\n<InstructorNote>\nNever shown.\n\n## Not a heading either')).toBe('Shown.\n');
  });

  it('leaves other components alone', () => {
    const body = '<Aside type="note">\nFor everyone.\n</Aside>';
    expect(withoutInstructorNotes(body)).toBe(body);
  });
});

describe('the RAG corpus and the translation check', () => {
  const source = '## Ports\n\nFoundry Local picks a new port.\n\n<InstructorNote>\nAsk the room to run foundry server status.\n</InstructorNote>\n';

  it('cuts no passage from a note', () => {
    const passages = markdownPassages(source, lesson);
    expect(passages.map((passage) => passage.text)).toEqual(['Foundry Local picks a new port.']);
  });

  it('still fingerprints a note with its section, so a translator learns that the note changed', () => {
    const changed = source.replace('server status', 'service status');
    expect(lessonOutline(changed).sections[0]!.hash).not.toBe(lessonOutline(source).sections[0]!.hash);
    expect(lessonOutline(changed).headingCount).toBe(1);
  });
});
