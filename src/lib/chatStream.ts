/**
 * Reading chat-completion streams from every server this course meets, and timing them. Shapes survived
 * (see the course's local-model-endpoints reference): the usage-only chunk with empty `choices`; Foundry
 * gen-1's extra keys and `delta` + `message` on the same choice; a stream without `finish_reason`; a
 * non-stream reply carrying `delta` instead of `message`.
 */
import { formatMs, formatNumber } from './formatting';
import { interpolate } from './i18n';

interface ChoiceLike {
  delta?: { content?: string | null } | null;
  message?: { content?: string | null } | null;
}

interface ChunkLike {
  choices?: readonly ChoiceLike[] | null;
  usage?: { completion_tokens?: number } | null;
}

/** The text a chunk (or a whole non-stream reply) adds: `delta` first, `message` only when there is no delta. */
export function chunkText(chunk: ChunkLike): string {
  const choice = chunk.choices?.[0];
  if (!choice) return '';
  return choice.delta?.content ?? choice.message?.content ?? '';
}

/** The completion token count a chunk reports, when it carries usage. */
export function chunkCompletionTokens(chunk: ChunkLike): number | undefined {
  return chunk.usage?.completion_tokens ?? undefined;
}

/** The clock readings of one streamed completion (from `performance.now()`), and how many tokens it produced. */
export interface StreamTiming {
  startedAt: number;
  firstTokenAt?: number | undefined;
  endedAt: number;
  /** Reported by the server when it can; else the number of content chunks received. */
  tokens: number;
}

/** What a learner compares between streams: time to first token, generation rate, total time and token count. */
export interface StreamMetrics {
  timeToFirstTokenMs: number | undefined;
  tokensPerSecond: number | undefined;
  totalMs: number;
  tokens: number;
}

/** The metrics of a timed stream; time to first token and rate are undefined when no token arrived or too few to measure a rate. */
export function streamMetrics({ startedAt, firstTokenAt, endedAt, tokens }: StreamTiming): StreamMetrics {
  const generatingMs = firstTokenAt === undefined ? 0 : endedAt - firstTokenAt;
  return {
    timeToFirstTokenMs: firstTokenAt === undefined ? undefined : firstTokenAt - startedAt,
    // Tokens after the first, over the time they took: the rate the model generates at.
    tokensPerSecond: generatingMs > 0 && tokens > 1 ? ((tokens - 1) * 1000) / generatingMs : undefined,
    totalMs: endedAt - startedAt,
    tokens,
  };
}

/** The metrics as a reader of `locale` reads them; "—" where the stream did not say. */
export function metricParts({ timeToFirstTokenMs, tokensPerSecond, totalMs, tokens }: StreamMetrics, locale: string) {
  return {
    ttft: timeToFirstTokenMs === undefined ? '—' : formatMs(timeToFirstTokenMs, locale),
    rate: tokensPerSecond === undefined ? '—' : formatNumber(tokensPerSecond, locale),
    total: formatMs(totalMs, locale),
    tokens,
  };
}

/** The metrics in a localized sentence whose template names {ttft}, {rate}, {total} and {tokens}. */
export function describeMetrics(template: string, metrics: StreamMetrics, locale: string): string {
  return interpolate(template, metricParts(metrics, locale));
}
