import { describe, expect, it } from 'vitest';
import type { LessonOutline } from '../../src/lib/lessonOutline';
import { changedSections, isUnreviewedMachineTranslation, statusLabels, translationStatus } from '../../src/lib/translationStatus';

const outline = (sections: [string, string][], counts: Partial<LessonOutline> = {}): LessonOutline => ({
  sections: sections.map(([heading, hash]) => ({ heading, hash })),
  headingCount: sections.length,
  codeBlockCount: 2,
  taskIds: ['a', 'b'],
  ...counts,
});

const englishNow = outline([
  ['Intro', '1'.repeat(32)],
  ['Setup', '2'.repeat(32)],
  ['Next', '3'.repeat(32)],
]);
const source = { hash: 'f'.repeat(32), outline: englishNow };
const bulgarian = outline([
  ['Въведение', 'x'],
  ['Настройка', 'y'],
  ['Напред', 'z'],
]);

describe('translationStatus', () => {
  it('calls the source locale the source and a locale without a file missing', () => {
    expect(statusLabels(translationStatus(source, undefined, true))).toEqual(['source']);
    expect(statusLabels(translationStatus(source))).toEqual(['missing']);
  });

  it('asks for a review notice on a machine translation until a person has reviewed it, and never on a person’s', () => {
    const translated = (origin: object) => translationStatus(source, { origin: { sourceHash: 'f'.repeat(32), ...origin }, outline: bulgarian });
    expect(isUnreviewedMachineTranslation(translated({ by: 'machine' }))).toBe(true);
    expect(isUnreviewedMachineTranslation(translated({ by: 'machine', reviewed: { by: 'Мария', on: new Date('2026-11-30') } }))).toBe(false);
    expect(isUnreviewedMachineTranslation(translated({ by: 'human' }))).toBe(false);
    expect(isUnreviewedMachineTranslation(translationStatus(source))).toBe(false);
  });

  it('is current when made from this exact English file and complete', () => {
    const status = translationStatus(source, { origin: { sourceHash: 'F'.repeat(32) }, outline: bulgarian });
    expect(statusLabels(status)).toEqual(['current']);
  });

  it('is outdated when the English file changed, naming the changed sections by index in the translation', () => {
    const recorded = [
      { heading: 'Intro', hash: '1'.repeat(32) },
      { heading: 'Setup', hash: '0'.repeat(32) },
      { heading: 'Next', hash: '3'.repeat(32) },
    ];
    const status = translationStatus(source, { origin: { sourceHash: 'e'.repeat(32), sourceSections: recorded }, outline: bulgarian });
    expect(statusLabels(status)).toEqual(['outdated']);
    expect(status.kind === 'translated' && status.outdated?.changedSections).toEqual([{ sourceHeading: 'Setup', translatedIndex: 1 }]);
  });

  it('cannot name changed sections when the translation recorded none (an imported lesson)', () => {
    const status = translationStatus(source, { origin: { sourceHash: 'e'.repeat(32) }, outline: bulgarian });
    expect(status.kind === 'translated' && status.outdated).toEqual({ changedSections: undefined });
  });

  it('treats a translation that never recorded its source as outdated', () => {
    expect(statusLabels(translationStatus(source, { origin: {}, outline: bulgarian }))).toEqual(['outdated']);
  });

  it('is incomplete when headings, code blocks or tasks are missing, and says which', () => {
    const partial = outline([['Въведение', 'x']], { codeBlockCount: 1, taskIds: ['a', 'unknown'] });
    const status = translationStatus(source, { origin: { sourceHash: source.hash }, outline: partial });
    expect(statusLabels(status)).toEqual(['incomplete']);
    expect(status.kind === 'translated' && status.missingParts).toEqual([
      { part: 'headings', found: 1, expected: 3 },
      { part: 'codeBlocks', found: 1, expected: 2 },
      { part: 'tasks', found: 1, expected: 2 },
    ]);
  });

  it('can be outdated and incomplete at once', () => {
    const partial = outline([['Въведение', 'x']]);
    expect(statusLabels(translationStatus(source, { origin: { sourceHash: 'e'.repeat(32) }, outline: partial }))).toEqual([
      'incomplete',
      'outdated',
    ]);
  });
});

describe('changedSections', () => {
  it('reports added and removed sections as well as edited ones', () => {
    const recorded = [
      { heading: 'Intro', hash: 'a' },
      { heading: 'Old part', hash: 'b' },
    ];
    const current = [
      { heading: 'Intro', hash: 'a' },
      { heading: 'New part', hash: 'c' },
    ];
    const translated = [
      { heading: 'Въведение', hash: 'x' },
      { heading: 'Стара част', hash: 'y' },
    ];
    expect(changedSections(recorded, current, translated)).toEqual([
      { sourceHeading: 'New part' },
      { sourceHeading: 'Old part', translatedIndex: 1 },
    ]);
  });
});
