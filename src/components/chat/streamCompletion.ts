/**
 * Runs one streamed chat completion with the `openai` SDK and reports text and timing as it goes; shared
 * by the chat playground and the model comparison. Cancels for real through an AbortController.
 */
import { chunkCompletionTokens, chunkText, streamMetrics, type StreamMetrics } from '../../lib/chatStream';
import type { ChatMessage } from '../../lib/ragPrompt';
import { chatClient, type EndpointChoice } from './endpointChoice';

/** The stream had started when it failed: the answer broke off, as opposed to never starting. */
export class StreamBrokeOff extends Error {}

export interface StreamResult {
  text: string;
  metrics: StreamMetrics;
  /** The server said it finished (finish_reason or usage); false when the stream just ended. */
  finished: boolean;
}

export async function streamChat(
  choice: EndpointChoice,
  model: string,
  /** A single user message, or the whole conversation. */
  prompt: string | readonly ChatMessage[],
  signal: AbortSignal,
  onText: (text: string) => void,
): Promise<StreamResult> {
  const client = await chatClient(choice);
  const startedAt = performance.now();
  let firstTokenAt: number | undefined;
  let text = '';
  let chunks = 0;
  let reportedTokens: number | undefined;
  let finished = false;
  const stream = await client.chat.completions.create(
    { model, messages: typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : [...prompt], stream: true, stream_options: { include_usage: true } },
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
