/**
 * TEST DOUBLE — a Foundry Local emulator for the course's tests. The site never depends on it.
 *
 * Follows Foundry Local's documented HTTP surface closely (see ../shared/reference/local-model-endpoints.md):
 * generation 2 by default (`/status`, `/models/loaded`, `/models/load/{id}`, OpenAI-shaped streams and
 * errors, 404 for an alias), generation 1 on request (`/openai/status`, `/foundry/list`, `/openai/models`,
 * `/openai/loadedmodels`, `/openai/load/{id}`), and gen-1's stream quirks (extra keys on every chunk,
 * `delta` and `message` together, `id: "chat.id.1"`, no `finish_reason`, a non-stream reply carrying
 * `delta`). Generation 2 also serves `/v1/embeddings` from its embedding model. CORS is off by default, as
 * in Foundry Local, or permissive.
 *
 * Faults are chosen by the prompt, so a browser test can trigger each one: a user message containing
 * `FAULT:500`, `FAULT:malformed`, `FAULT:cut`, `FAULT:slow`, `FAULT:error-midstream` or `FAULT:html`.
 * A refused connection is tested by pointing at a port where nothing listens. `/emulator/streams` (not
 * part of Foundry Local) lists the prompts whose answers are still streaming, so a test can see a cancel arrive.
 *
 * A hostile answer is chosen by the prompt too: `hostile:<index>` answers with payload <index> of
 * ../fixtures/hostile-answers.ts, `hostile:all` with all of them one after another, streamed in
 * `hostileChunks` pieces that cut through tags, so the page renders half-written markup on every chunk.
 *
 * Run: node tests/emulator/foundry-emulator.ts --port 5273 [--generation 1] [--quirks] [--cors]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { hostileAnswers } from '../fixtures/hostile-answers.ts';
import { emulatedCatalog, type EmulatedModel } from './catalog.ts';

/** How to start the emulator: its port, the Foundry generation it imitates, gen-1's stream quirks, and whether CORS is on. */
export interface EmulatorOptions {
  port: number;
  generation: 1 | 2;
  quirks: boolean;
  cors: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
  });
}

/** How many pieces a hostile answer streams in, whatever its length. */
const hostileChunks = 12;

/** The hostile answer a prompt asks for with `hostile:<index>` or `hostile:all`, if it asks for one. */
function hostileAnswerFor(prompt: string): string | undefined {
  const asked = /hostile:(all|\d+)/.exec(prompt)?.[1];
  if (asked === undefined) return undefined;
  if (asked === 'all') return hostileAnswers.map(({ markdown }) => markdown).join('\n\n');
  return hostileAnswers[Number(asked)]?.markdown ?? `There is no hostile answer ${asked}: there are ${hostileAnswers.length}.`;
}

/** Cuts `text` into `count` pieces of about the same length. */
function piecesOf(text: string, count: number): string[] {
  const size = Math.ceil(text.length / count);
  return Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));
}

/**
 * What the emulated model says: deterministic, Markdown with a code block, about 40 tokens. Given numbered
 * passages (a RAG prompt), it answers from the first and cites it, as a well-behaved model would.
 */
function answerFor(prompt: string, model: EmulatedModel): string {
  if (prompt.includes('FAULT:html'))
    return 'Here is an image: <img src=x onerror="window.__pwned = 1"> and a script: <script>window.__pwned = 2</script> done.';
  const passages = [...prompt.matchAll(/^\[(\d+)\] [^\n]*\n([^\n]+)/gm)];
  if (passages.length > 0) {
    const first = passages[0]![2]!.slice(0, 120);
    return `**${model.alias}**, from the passages: ${first} [1].${passages.length > 1 ? ' More detail is in [2].' : ''}`;
  }
  return `**${model.alias}** answers: on-device inference keeps data local.\n\n1. Low latency\n2. Privacy\n\n\`\`\`python\nprint("hello from ${model.alias}")\n\`\`\`\n\nYou asked: ${prompt.slice(0, 80)}`;
}

/** Splits an answer into tokens of a few characters, as a tokenizer would roughly do. */
function tokens(text: string): string[] {
  return text.match(/\s*\S{1,4}|\s+/g) ?? [];
}

/** A deterministic stand-in for an embedding: the text's words hashed into 64 buckets, normalised. */
function embed(text: string): number[] {
  const vector = new Array<number>(64).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
    vector[hash % 64]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

/** Starts the emulator on 127.0.0.1 at `options.port` and returns its HTTP server (listen for `listening` before using it). */
export function startEmulator(options: EmulatorOptions) {
  const catalog = emulatedCatalog().filter((model) => !model.generation || model.generation === options.generation);
  const promptsStreaming = new Set<string>();
  const base = () => `http://127.0.0.1:${options.port}`;
  const byId = (id: string) => catalog.find((model) => model.id === id);

  const send = (response: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    response.writeHead(status, { 'Content-Type': type, ...corsHeaders() });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const corsHeaders = (): Record<string, string> =>
    options.cors ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*, Authorization', 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS' } : {};
  const openAiError = (response: ServerResponse, status: number, message: string, type = 'invalid_request_error') =>
    options.generation === 2 ? send(response, status, { error: { message, type, param: null, code: null } }) : send(response, status === 400 ? 500 : status, message, 'text/plain');

  const gen1Extras = { IsDelta: true, Successful: true, HttpStatusCode: 0, CreatedAt: '2025-06-01T00:00:00Z', StreamEvent: null, HeaderValues: {}, error: null };

  async function chat(request: IncomingMessage, response: ServerResponse) {
    let body: { model?: string; stream?: boolean; messages?: { content?: string }[]; stream_options?: { include_usage?: boolean } };
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return openAiError(response, 400, 'Request body is not valid JSON');
    }
    const prompt = (body.messages ?? []).map((message) => message.content ?? '').join('\n');
    const model = byId(body.model ?? '');
    if (!model) {
      return openAiError(response, 404, `Model '${body.model}' not found`);
    }
    if (!model.loaded) return openAiError(response, 400, `Model not loaded: Model '${model.id}' must be loaded before inference`);
    if (model.embedding) return openAiError(response, 400, `Model '${model.id}' does not support chat completions`);
    if (prompt.includes('FAULT:500')) return send(response, 500, 'Internal Server Error: System.NullReferenceException', 'text/plain');
    if (prompt.includes('FAULT:slow')) await sleep(7000);
    const hostile = hostileAnswerFor(prompt);
    const answer = hostile ?? answerFor(prompt, model);
    const parts = hostile ? piecesOf(hostile, hostileChunks) : tokens(answer);
    const usage = { prompt_tokens: tokens(prompt).length, completion_tokens: parts.length, total_tokens: tokens(prompt).length + parts.length };
    const id = options.quirks ? 'chat.id.1' : `chatcmpl-${Date.now()}`;
    const created = Math.floor(Date.now() / 1000);

    if (!body.stream) {
      await sleep(model.firstTokenMs);
      const choice = options.quirks
        ? { index: 0, delta: { role: 'assistant', content: answer }, finish_reason: 'stop' }
        : { index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' };
      return send(response, 200, { id, object: 'chat.completion', created, model: model.id, choices: [choice], usage, ...(options.quirks ? gen1Extras : {}) });
    }

    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', ...corsHeaders() });
    const event = (data: unknown) => response.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    const chunk = (delta: Record<string, string>, finish: string | null) => {
      const choice = options.quirks
        ? { index: 0, delta, message: delta }
        : { index: 0, delta, finish_reason: finish };
      return { id, object: 'chat.completion.chunk', created, model: model.id, choices: [choice], ...(options.quirks ? gen1Extras : {}) };
    };
    // The response's close, not the request's: the request closes as soon as its body is read.
    let closed = false;
    promptsStreaming.add(prompt);
    response.on('close', () => {
      closed = true;
      promptsStreaming.delete(prompt);
    });
    await sleep(model.firstTokenMs);
    event(chunk({ role: 'assistant', content: '' }, null));
    for (const [index, part] of parts.entries()) {
      if (closed) return;
      if (prompt.includes('FAULT:malformed') && index === 3) {
        event('{"choices": [{"delta": {"content": "broken');
        return response.end();
      }
      if (prompt.includes('FAULT:cut') && index === 3) return response.destroy();
      if (prompt.includes('FAULT:error-midstream') && index === 3) {
        event({ error: { message: 'The model ran out of memory', type: 'server_error', param: null, code: null } });
        return response.end();
      }
      event(chunk({ content: part }, null));
      await sleep(1000 / model.tokensPerSecond);
    }
    if (!options.quirks) event(chunk({}, 'stop'));
    if (body.stream_options?.include_usage) event({ id, object: 'chat.completion.chunk', created, model: model.id, choices: [], usage });
    event('[DONE]');
    response.end();
  }

  async function embeddings(request: IncomingMessage, response: ServerResponse) {
    let body: { model?: string; input?: string | string[]; encoding_format?: string };
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return openAiError(response, 400, 'Request body is not valid JSON');
    }
    const model = byId(body.model ?? '');
    if (!model) return openAiError(response, 404, `Model '${body.model}' not found`);
    if (!model.embedding) return openAiError(response, 400, `Model '${model.id}' does not support embeddings`);
    const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
    const data = inputs.map((input, index) => {
      const vector = embed(input);
      const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    const promptTokens = inputs.reduce((sum, input) => sum + tokens(input).length, 0);
    return send(response, 200, { object: 'list', data, model: model.id, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } });
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', base());
    const path = url.pathname;
    if (request.method === 'OPTIONS') {
      // Foundry Local has no OPTIONS route: without CORS a preflight fails.
      return options.cors ? send(response, 204, '') : send(response, 405, 'Method Not Allowed', 'text/plain');
    }
    if (path === '/emulator/streams') return send(response, 200, { prompts: [...promptsStreaming] });
    if (path === '/v1/chat/completions' && request.method === 'POST') return chat(request, response);
    if (path === '/v1/embeddings' && request.method === 'POST' && options.generation === 2) return embeddings(request, response);
    if (path === '/v1/models') {
      const data = catalog.filter((model) => options.generation === 2 || model.cached).map((model) => ({ id: model.id, object: 'model', created: 1735689600, owned_by: 'Microsoft' }));
      return send(response, 200, options.generation === 2 ? { object: 'list', data } : { data, object: 'list', IsDelta: false, Successful: true, HttpStatusCode: 0 });
    }
    if (options.generation === 2) {
      if (path === '/status') return send(response, 200, { modelCachePath: '/home/learner/.foundry/cache/models', endpoints: [base()], pid: process.pid });
      if (path === '/models/loaded') return send(response, 200, catalog.filter((model) => model.loaded).map((model) => model.id));
      const load = /^\/models\/load\/(.+)$/.exec(path);
      if (load) {
        const model = byId(decodeURIComponent(load[1]!));
        if (!model) return openAiError(response, 404, 'Model not found');
        if (!model.cached) return openAiError(response, 400, 'Model not cached');
        const status = model.loaded ? 'already_loaded' : 'loaded';
        model.loaded = true;
        return send(response, 200, { status });
      }
    } else {
      if (path === '/openai/status') return send(response, 200, { endpoints: [base()], modelDirPath: 'C:\\Users\\learner\\.foundry\\cache\\models', pipeName: null, isAutoRegistrationResolved: true });
      if (path === '/foundry/list')
        return send(response, 200, catalog.map((model) => ({ name: model.id, alias: model.alias, version: model.id.split(':')[1], uri: `azureml://registries/azureml/models/${model.id}`, runtime: { deviceType: model.id.includes('gpu') ? 'GPU' : 'CPU', executionProvider: 'CPUExecutionProvider' }, fileSizeMb: model.fileSizeMb, publisher: 'Microsoft', task: 'chat-completion', license: 'MIT', supportsToolCalling: false, maxOutputTokens: 2048 })));
      if (path === '/openai/models') return send(response, 200, catalog.filter((model) => model.cached).map((model) => model.id));
      if (path === '/openai/loadedmodels') return send(response, 200, catalog.filter((model) => model.loaded).map((model) => model.id));
      const load = /^\/openai\/load\/(.+)$/.exec(path);
      if (load) {
        const model = byId(decodeURIComponent(load[1]!));
        if (!model?.cached) return send(response, 500, `No OpenAIService provider found for modelName ${load[1]}`, 'text/plain');
        model.loaded = true;
        return send(response, 200, '', 'text/plain');
      }
    }
    return send(response, 404, 'Not Found', 'text/plain');
  });
  server.listen(options.port, '127.0.0.1');
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '5273' }, generation: { type: 'string', default: '2' }, quirks: { type: 'boolean', default: false }, cors: { type: 'boolean', default: false } },
  });
  const options: EmulatorOptions = { port: Number(values.port), generation: values.generation === '1' ? 1 : 2, quirks: values.quirks ?? false, cors: values.cors ?? false };
  startEmulator(options).on('listening', () => console.log(`Foundry Local emulator (TEST DOUBLE), gen-${options.generation}, on http://127.0.0.1:${options.port}`));
}
