/**
 * "In this browser" as an endpoint every chat demo can choose: the `openai` SDK is given a fetch that
 * answers `/v1/models` and `/v1/chat/completions` from the model loaded in this tab (streamed as a server
 * streams), so the demos, their metrics and their Stop work unchanged. The model itself is provided by
 * <browser-model>; this module only knows what it can do.
 */
import {
  completionChunk,
  errorBody,
  modelsListing,
  parseChatRequest,
  sseDone,
  sseFrame,
  usageChunk,
  type GenerationRequest,
} from '../../lib/inBrowserCompletions';
import type { Generated } from '../../lib/languageModelProtocol';
import type { EndpointChoice } from './endpointStore';

/** The model loaded in this tab, as <browser-model> offers it to the endpoint. */
export interface InBrowserModel {
  id: string;
  generate(request: GenerationRequest, signal: AbortSignal, onText: (piece: string) => void): Promise<Generated>;
}

/** The address the choice carries: never fetched, it only names the endpoint in the demos' state. */
export const inBrowserBaseUrl = 'browser://this-tab';

let provided: InBrowserModel | undefined;
const listeners = new Set<(choice: EndpointChoice | undefined) => void>();

/** Offers (or withdraws) the model loaded in this tab to every chat demo. */
export function provideInBrowserModel(model: InBrowserModel | undefined): void {
  provided = model;
  for (const listener of listeners) listener(inBrowserChoice());
}

/** Calls `listener` when a model is loaded in (or removed from) this tab. */
export function onInBrowserModel(listener: (choice: EndpointChoice | undefined) => void): void {
  listeners.add(listener);
}

/** The endpoint choice for the model in this tab, when one is loaded. */
export function inBrowserChoice(): EndpointChoice | undefined {
  return provided && { baseUrl: inBrowserBaseUrl, kind: 'browser', models: [{ id: provided.id, loaded: true }], model: provided.id, viaBridge: false };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function streamed(model: InBrowserModel, request: GenerationRequest, signal: AbortSignal): Response {
  const identity = { id: `chatcmpl-browser-${Date.now().toString(36)}`, model: request.model, created: Math.floor(Date.now() / 1000) };
  const encoder = new TextEncoder();
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    cancel() {
      open = false; // the SDK stopped reading (Stop): late tokens go nowhere
    },
    async start(controller) {
      const send = (frame: string) => open && controller.enqueue(encoder.encode(frame));
      try {
        send(sseFrame(completionChunk(identity, { role: 'assistant' })));
        const done = await model.generate(request, signal, (piece) => send(sseFrame(completionChunk(identity, { content: piece }))));
        send(sseFrame(completionChunk(identity, {}, done.finishReason)));
        if (request.includeUsage) send(sseFrame(usageChunk(identity, done.promptTokens, done.completionTokens)));
        send(sseDone);
        if (open) controller.close();
      } catch (error) {
        if (open) controller.error(error);
      }
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** The fetch the SDK uses for "In this browser": an OpenAI-compatible server that lives in this tab. */
export async function inBrowserFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const model = provided;
  if (url.pathname.endsWith('/models')) return json(200, modelsListing(model ? [model.id] : []));
  if (!url.pathname.endsWith('/chat/completions') || init?.method !== 'POST') return json(404, errorBody(`this tab serves no ${url.pathname}`, 'not_found'));
  let parsed: ReturnType<typeof parseChatRequest>;
  try {
    parsed = parseChatRequest(JSON.parse(String(init.body)));
  } catch {
    return json(400, errorBody('the body is not JSON'));
  }
  if ('error' in parsed) return json(400, errorBody(parsed.error));
  if (!model || model.id !== parsed.model) return json(404, errorBody(`model ${parsed.model} is not loaded in this tab`, 'model_not_found'));
  const signal = init.signal ?? new AbortController().signal;
  // Every demo streams; a whole answer at once would only hide the tab's speed.
  if (!parsed.stream) return json(400, errorBody('this tab answers streamed requests only (stream: true)'));
  return streamed(model, parsed, signal);
}
