/**
 * Reads the metadata comment that Co-op Translator (the upstream course's machine-translation tool) put at
 * the top of each translated file until early 2026, so lessons imported from upstream keep their status:
 *   <!-- CO_OP_TRANSLATOR_METADATA: {"original_hash", "translation_date", "source_file", "language_code"} -->
 * `original_hash` is the MD5 of the source file's raw bytes.
 */

/** What Co-op Translator recorded about a translation: the source's MD5 (lower case), when, from which file, into which language. */
export interface CoOpTranslatorMetadata {
  sourceHash: string;
  translationDate: Date;
  sourceFile: string;
  languageCode: string;
}

const commentPattern = /<!--\s*CO_OP_TRANSLATOR_METADATA:\s*(\{[\s\S]*?\})\s*-->/;

/** The metadata in `source`, or undefined when there is none or it cannot be read. */
export function coOpTranslatorMetadata(source: string): CoOpTranslatorMetadata | undefined {
  const json = commentPattern.exec(source)?.[1];
  if (!json) return undefined;
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { original_hash, translation_date, source_file, language_code } = fields;
  if (typeof original_hash !== 'string' || !/^[0-9a-f]{32}$/i.test(original_hash)) return undefined;
  const translationDate = new Date(String(translation_date));
  return {
    sourceHash: original_hash.toLowerCase(),
    translationDate,
    sourceFile: typeof source_file === 'string' ? source_file : '',
    languageCode: typeof language_code === 'string' ? language_code : '',
  };
}
