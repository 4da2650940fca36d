/**
 * The prompt a retrieval-augmented answer is asked with, and the citations read back from the answer.
 * Passages are numbered [1], [2]… in the prompt; the model is told to cite them the same way.
 */
import { asciiDigits } from './formatting.ts';
import type { RankedPassage } from './passageSearch.ts';

/** One message of a chat-completion request, as OpenAI-compatible servers take it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The localized words the prompt is built from, so that the model answers in the reader's language. */
export interface RagPromptWords {
  instructions: string;
  passagesHeading: string;
  questionHeading: string;
}

/** The messages for a RAG answer: the instructions, then the numbered passages and the question in one user message. */
export function ragMessages(question: string, retrieved: readonly RankedPassage[], words: RagPromptWords): ChatMessage[] {
  const passages = retrieved.map(({ passage }, index) => `[${index + 1}] ${passage.section} (${passage.source})\n${passage.text}`).join('\n\n');
  return [
    { role: 'system', content: words.instructions },
    { role: 'user', content: `${words.passagesHeading}\n\n${passages}\n\n${words.questionHeading} ${question.trim()}` },
  ];
}

const digit = '[0-9\u0660-\u0669\u06F0-\u06F9]';
/** `[1]`, `[1, 2]` or `[١]`: models cite one passage or several, in Latin or Arabic-Indic digits. */
const citationPattern = new RegExp(`\\[(${digit}{1,2}(?:\\s*[,،]\\s*${digit}{1,2})*)\\]`, 'g');

/**
 * The answer's text cut around citation marks: strings, and passage numbers (1-based) where a mark stood.
 * A mark naming several passages gives several numbers; a mark naming a passage that was not sent stays text.
 */
export function splitCitations(text: string, passageCount: number): (string | number)[] {
  const pieces: (string | number)[] = [];
  let last = 0;
  for (const match of text.matchAll(citationPattern)) {
    const numbers = match[1]!.split(/\s*[,،]\s*/).map((number) => Number(asciiDigits(number)));
    if (numbers.some((number) => number < 1 || number > passageCount)) continue;
    if (match.index > last) pieces.push(text.slice(last, match.index));
    pieces.push(...numbers);
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

/** The passage numbers an answer cites, each once, in order of first citation. */
export function citedPassages(text: string, passageCount: number): number[] {
  return [...new Set(splitCitations(text, passageCount).filter((piece): piece is number => typeof piece === 'number'))];
}
