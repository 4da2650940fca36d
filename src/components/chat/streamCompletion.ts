/**
 * Runs one streamed chat completion with the `openai` SDK and reports text and timing as it goes. Cancels
 * for real through an AbortSignal: the SDK closes the connection, and the bridge stops the model behind it.
 */
import { chunkCompletionTokens, chunkText, streamMetrics, type StreamMetrics } from '../../lib/chatStream';
import type { ChatMessage } from '../../lib/ragPrompt';
import type { EndpointChoice } from '../endpoint/endpointStore';
import { openAiClientFor } from '../endpoint/openAiClient';

/** The stream had started when it failed: the answer broke off, as opposed to never starting. */
export class StreamBrokeOff extends Error {}

/** A completed (or stopped) stream: its text, timings, and whether the server said it finished. */
export interface StreamResult {
  text: string;
  metrics: StreamMetrics;
  /** The server said it finished (finish_reason or usage); false when the stream just ended. */
  finished: boolean;
}

/** Streams `model`'s answer to `prompt` from `choice`, calling `onText` with the text so far at every chunk. */
export async function streamCompletion(
  choice: EndpointChoice,
  model: string,
  /** A single user message, or the whole conversation. */
  prompt: string | readonly ChatMessage[],
  signal: AbortSignal,
  onText: (text: string) => void,
  /** Sampling settings, when the demo lets the learner choose them; else the server's defaults. */
  sampling: { maxTokens?: number; temperature?: number } = {},
): Promise<StreamResult> {
  const client = await openAiClientFor(choice);
  const startedAt = performance.now();
  let firstTokenAt: number | undefined;
  let text = '';
  let chunks = 0;
  let reportedTokens: number | undefined;
  let finished = false;
  const stream = await client.chat.completions.create(
    {
      model,
      messages: typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : [...prompt],
      stream: true,
      stream_options: { include_usage: true },
      ...(sampling.maxTokens === undefined ? {} : { max_tokens: sampling.maxTokens }),
      ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
    },
    { signal },
  );
  try {
    for await (const chunk of stream) {
      reportedTokens = chunkCompletionTokens(chunk) ?? reportedTokens;
      if (chunk.choices?.[0]?.finish_reason || chunk.usage) finished = true;
      const piece = chunkText(chunk);
      if (!piece) continue;
      firstTokenAt ??= performance.now();
      chunks++;
      text += piece;
      onText(text);
    }
  } catch (error) {
    if (signal.aborted) throw error;
    throw new StreamBrokeOff(error instanceof Error ? error.message : String(error));
  }
  const metrics = streamMetrics({ startedAt, firstTokenAt, endedAt: performance.now(), tokens: reportedTokens ?? chunks });
  return { text, metrics, finished };
}
