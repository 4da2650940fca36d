/**
 * The learner's own documents for the RAG chat: which files are accepted, and their passages. Files are
 * read in the browser and never sent anywhere; a bad file is refused with a reason, never half-added.
 */
import { markdownPassages, textPassages, type Passage } from './passages.ts';

/** The largest file the learner may add, 2 MiB; a larger one is refused before it is read. */
export const maxLearnerFileBytes = 2 * 1024 * 1024;

/** Why a learner's file was refused; each has its own message. */
export type FileProblem = 'wrong-type' | 'too-large' | 'not-text' | 'empty';

const markdownName = /\.(md|markdown|mdx)$/i;
const textName = /\.txt$/i;

/** What is wrong with a file before it is read: its kind (by name) or its size. */
export function problemBeforeReading(name: string, bytes: number): FileProblem | undefined {
  if (!markdownName.test(name) && !textName.test(name)) return 'wrong-type';
  if (bytes > maxLearnerFileBytes) return 'too-large';
  return undefined;
}

/** A binary file renamed .txt decodes to NULs and replacement characters: more than 1% of them gives it away. */
function looksBinary(text: string): boolean {
  const suspicious = text.match(/[\u0000\uFFFD]/g)?.length ?? 0;
  return suspicious > 0 && suspicious / text.length > 0.01;
}

/** The passages of a file's decoded text, or why it cannot be searched. */
export function learnerFilePassages(name: string, text: string): Passage[] | FileProblem {
  if (looksBinary(text)) return 'not-text';
  if (text.trim() === '') return 'empty';
  const source = { id: `file:${name}`, title: name };
  const passages = markdownName.test(name) ? markdownPassages(text, source) : textPassages(text, source);
  return passages.length > 0 ? passages : 'empty';
}
