/**
 * "In this browser" as an OpenAI-compatible endpoint: reads the chat request the `openai` SDK sends and
 * writes the streamed chunks a server would, so every chat demo talks to the model in the tab exactly as
 * it talks to Foundry Local. No DOM; the page supplies the model.
 */

/** A chat message as the model's chat template takes it. */
export interface TemplateMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the in-browser model is asked to do. */
export interface GenerationRequest {
  model: string;
  messages: TemplateMessage[];
  maxNewTokens: number;
  /** 0 means greedy decoding. */
  temperature: number;
  topP: number;
  stream: boolean;
  includeUsage: boolean;
}

/** How many new tokens an answer may have when the request does not say: a tab's model is slow and small. */
export const defaultMaxNewTokens = 256;
const maxNewTokensCap = 1024;

function messageText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((piece: unknown) => (piece && typeof piece === 'object' && (piece as { type?: unknown }).type === 'text' ? String((piece as { text?: unknown }).text ?? '') : ''))
      .join('');
  return undefined;
}

/** Reads a `/v1/chat/completions` body, or says what is wrong with it, in the words an endpoint would use. */
export function parseChatRequest(body: unknown): GenerationRequest | { error: string } {
  if (!body || typeof body !== 'object') return { error: 'the body must be a JSON object' };
  const request = body as Record<string, unknown>;
  if (typeof request['model'] !== 'string') return { error: '`model` must be a string' };
  if (!Array.isArray(request['messages']) || request['messages'].length === 0) return { error: '`messages` must be a non-empty array' };
  const messages: TemplateMessage[] = [];
  for (const message of request['messages'] as unknown[]) {
    const role = (message as { role?: unknown } | null)?.role;
    const content = messageText((message as { content?: unknown } | null)?.content);
    if ((role !== 'system' && role !== 'user' && role !== 'assistant') || content === undefined) return { error: 'each message needs a role (system, user, assistant) and text' };
    messages.push({ role, content });
  }
  const number = (key: string) => (typeof request[key] === 'number' && Number.isFinite(request[key]) ? (request[key] as number) : undefined);
  const asked = number('max_completion_tokens') ?? number('max_tokens');
  return {
    model: request['model'],
    messages,
    maxNewTokens: Math.max(1, Math.min(maxNewTokensCap, Math.floor(asked ?? defaultMaxNewTokens))),
    temperature: Math.max(0, Math.min(2, number('temperature') ?? 0.7)),
    topP: Math.max(0.01, Math.min(1, number('top_p') ?? 0.9)),
    stream: request['stream'] === true,
    includeUsage: (request['stream_options'] as { include_usage?: unknown } | undefined)?.include_usage === true,
  };
}

/** Why an answer ended, in the API's words: the model said it was done, or it hit the token limit. */
export type FinishReason = 'stop' | 'length';

/** One streamed answer's identity, repeated in every chunk. */
export interface CompletionIdentity {
  id: string;
  model: string;
  created: number;
}

/** One server-sent event carrying `data`. */
export function sseFrame(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

/** The frame that ends a stream. */
export const sseDone = 'data: [DONE]\n\n';

/** A `chat.completion.chunk` with a piece of the answer, or with the reason it finished. */
export function completionChunk(identity: CompletionIdentity, delta: { content?: string; role?: 'assistant' }, finishReason: FinishReason | null = null) {
  return { ...identity, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

/** The closing chunk with the token counts, as a server sends it when asked for usage. */
export function usageChunk(identity: CompletionIdentity, promptTokens: number, completionTokens: number) {
  return {
    ...identity,
    object: 'chat.completion.chunk',
    choices: [],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

/** The `/v1/models` listing of the models loaded in this tab. */
export function modelsListing(ids: readonly string[]) {
  return { object: 'list', data: ids.map((id) => ({ id, object: 'model', owned_by: 'this-browser' })) };
}

/** An error body shaped like the OpenAI API's, so the SDK and the course's diagnosis read it as they read a server's. */
export function errorBody(message: string, type = 'invalid_request_error') {
  return { error: { message, type } };
}
