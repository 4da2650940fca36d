import { describe, expect, it } from 'vitest';
import { coOpTranslatorMetadata } from '../../src/lib/coOpTranslatorMetadata';

// The header of an upstream translation, as Co-op Translator writes it.
const imported = `<!--
CO_OP_TRANSLATOR_METADATA:
{
  "original_hash": "66AA3B998A0C5C69721C661BDAAF6830",
  "translation_date": "2025-09-23T01:12:53+00:00",
  "source_file": "Module08/04.CuttingEdgeModels.md",
  "language_code": "bg"
}
-->
# Сесия 4
`;

describe('coOpTranslatorMetadata', () => {
  it('reads the source hash, date, source file and language', () => {
    expect(coOpTranslatorMetadata(imported)).toEqual({
      sourceHash: '66aa3b998a0c5c69721c661bdaaf6830',
      translationDate: new Date('2025-09-23T01:12:53Z'),
      sourceFile: 'Module08/04.CuttingEdgeModels.md',
      languageCode: 'bg',
    });
  });

  it('returns nothing for a file without the comment', () => {
    expect(coOpTranslatorMetadata('# Just a lesson')).toBeUndefined();
  });

  it('returns nothing for broken JSON or a hash that is not an MD5', () => {
    expect(coOpTranslatorMetadata('<!-- CO_OP_TRANSLATOR_METADATA: {"original_hash": } -->')).toBeUndefined();
    expect(coOpTranslatorMetadata('<!-- CO_OP_TRANSLATOR_METADATA: {"original_hash": "abc"} -->')).toBeUndefined();
  });
});
