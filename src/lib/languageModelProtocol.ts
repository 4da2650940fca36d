/**
 * The messages between the page and the language-model worker, which runs transformers.js on ONNX Runtime
 * Web. Every request carries an id and gets one reply; a load also sends progress, a generation sends tokens.
 */
import type { FileEvent, ModelDtype } from './browserModels';
import type { TemplateMessage } from './inBrowserCompletions';
import type { Provider } from './inferenceProtocol';

/** Where the worker finds a model: the site's own folder, or the Hub (or the stand-in the tests point it at). */
export interface ModelLocation {
  repo: string;
  source: 'course' | 'hub';
  dtype: ModelDtype;
  /** The site's models folder as a path (`/models/`): the library reads a full URL here as not local at all. */
  localModelPath: string;
  /** The Hub's address, ending in `/`. */
  hubHost: string;
}

/** What the page asks: where the runtime's WebAssembly is, to start it, load a model, generate, stop, or unload. */
export type LanguageModelRequest =
  | { kind: 'locate' }
  | { kind: 'load'; location: ModelLocation; provider: Provider }
  | { kind: 'generate'; messages: TemplateMessage[]; maxNewTokens: number; temperature: number; topP: number }
  /** Stops one generation (running or still queued), or, without an id, the running one. */
  | { kind: 'stop'; generation?: number }
  | { kind: 'unload' };

/** A loaded model: its provider, how long loading took and its shape (from `config.json`). */
export interface LoadedModel {
  provider: Provider;
  loadMs: number;
  config: Record<string, unknown>;
  runtimeVersion: string;
  /** WebAssembly threads (1 unless the page is cross-origin isolated). */
  threads: number;
}

/** A finished generation: tokens in and out, and why it ended. */
export interface Generated {
  promptTokens: number;
  completionTokens: number;
  finishReason: 'stop' | 'length';
  interrupted: boolean;
}

/** The value each kind of request is answered with. */
export interface LanguageModelReplies {
  locate: { wasmUrl: string };
  load: LoadedModel;
  generate: Generated;
  stop: null;
  unload: null;
}

/** Why a request failed, for the page to explain: the files could not be fetched, storage is full, the runtime or model failed. */
export type LanguageModelErrorCode = 'download-failed' | 'storage-full' | 'load-failed' | 'generate-failed' | 'not-loaded';

/** What the worker sends: a reply (value or error), a download's progress, or a generated piece of text. */
export type LanguageModelMessage =
  | { id: number; kind: 'reply'; ok: true; value: unknown }
  | { id: number; kind: 'reply'; ok: false; code: LanguageModelErrorCode; message: string }
  | ({ id: number; kind: 'progress' } & FileEvent)
  | { id: number; kind: 'token'; text: string };
