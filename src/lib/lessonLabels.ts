/**
 * The words a lesson uses for its checklist tasks and knowledge checks, as plain text in the lesson's own
 * language: what the class dashboard shows next to each count. Ids are the keys; translations keep them.
 */
import { plainInline } from './passages.ts';

/** A quiz's question and its options' texts, by option id, with which are right. */
export interface QuizText {
  id: string;
  question: string;
  options: { id: string; text: string; correct: boolean }[];
}

const taskPattern = /<Task\s[^>]*\bid=["']([^"']+)["'][^>]*>([\s\S]*?)<\/Task>/g;
const quizPattern = /<Quiz\s[^>]*\bid=["']([^"']+)["'][^>]*>([\s\S]*?)<\/Quiz>/g;
const questionPattern = /<Question>([\s\S]*?)<\/Question>/;
const optionPattern = /<Option\s([^>]*)>([\s\S]*?)(?:<Explanation>|<\/Option>)/g;

function plain(text: string): string {
  return plainInline(text.replace(/\s+/g, ' '));
}

/** Each checklist task's label, by id. */
export function taskLabels(source: string): Record<string, string> {
  return Object.fromEntries([...source.matchAll(taskPattern)].map((match) => [match[1]!, plain(match[2]!)]));
}

/** Each quiz's question and options, in order. */
export function quizTexts(source: string): QuizText[] {
  return [...source.matchAll(quizPattern)].map((quiz) => ({
    id: quiz[1]!,
    question: plain(questionPattern.exec(quiz[2]!)?.[1] ?? ''),
    options: [...quiz[2]!.matchAll(optionPattern)].map((option) => ({
      id: /\bid=["']([^"']+)["']/.exec(option[1]!)?.[1] ?? '',
      text: plain(option[2]!),
      correct: /(^|\s)correct(\s|$|=)/.test(option[1]!),
    })),
  }));
}
