/**
 * The chat demos' Markdown renderer (marked and DOMPurify, about 24 KB compressed), loaded when the first
 * answer is asked for rather than when a demo comes into view: scrolling past the chats downloads none of
 * it. Shiki comes later still, only for an answer that holds code (markdownAnswer.ts).
 */

/** What renders and highlights an answer. */
export type AnswerRendering = typeof import('./markdownAnswer');

let rendering: Promise<AnswerRendering> | undefined;

/** The renderer, loaded once per page; a failed load (offline before it was stored) is retried on the next answer. */
export function loadAnswerRendering(): Promise<AnswerRendering> {
  rendering ??= import('./markdownAnswer');
  rendering.catch(() => (rendering = undefined));
  return rendering;
}
