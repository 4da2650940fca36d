/**
 * The endpoint and model the learner uses, shared by every endpoint demo on the page: chosen in the
 * endpoint panel, remembered in localStorage without any API key (the key stays in memory for the visit).
 */
import type { EndpointKind, EndpointModel } from '../../lib/endpointDiscovery';
import { safeStorage } from '../../lib/safeStorage';

/** An endpoint a demo can send to, and how to reach it. */
export interface EndpointChoice {
  baseUrl: string;
  /** A kind of server, or 'browser': the model loaded in this tab. */
  kind: EndpointKind | 'browser';
  generation?: 1 | 2 | undefined;
  models: EndpointModel[];
  model: string | undefined;
  viaBridge: boolean;
  /** The API base the SDK appends `/chat/completions` to, when it is not `<baseUrl>/v1` (cloud services). */
  apiBaseUrl?: string | undefined;
  /** This endpoint's own key, even an empty one (a cloud endpoint's); when absent, the endpoint panel's key. */
  apiKey?: string | undefined;
}

const storageKey = 'edge-course:endpoint';
let current: EndpointChoice | undefined;
let panelKey = '';
const listeners = new Set<(choice: EndpointChoice | undefined) => void>();

/** The endpoint chosen in the panel, if any. */
export function currentChoice(): EndpointChoice | undefined {
  return current;
}

/** Chooses an endpoint (or none) for every demo on the page, and remembers it for the next visit. */
export function setChoice(choice: EndpointChoice | undefined): void {
  current = choice;
  // The tab's model is gone on the next visit: remember servers only.
  if (choice && choice.kind !== 'browser') safeStorage.set(storageKey, JSON.stringify({ baseUrl: choice.baseUrl, model: choice.model }));
  for (const listener of listeners) listener(choice);
}

/** Calls `listener` whenever the choice changes. */
export function onChoice(listener: (choice: EndpointChoice | undefined) => void): void {
  listeners.add(listener);
}

/** What was chosen on an earlier visit: the endpoint and model, never a key. */
export function rememberedChoice(): { baseUrl?: string; model?: string } {
  try {
    return JSON.parse(safeStorage.get(storageKey) ?? '{}') as { baseUrl?: string; model?: string };
  } catch {
    return {};
  }
}

/** Keeps the key typed in the endpoint panel, in memory only. */
export function setPanelApiKey(key: string): void {
  panelKey = key;
}

/** The key a request to `choice` carries: its own (a cloud endpoint's, never the panel's), else the panel's. */
export function apiKeyFor(choice: EndpointChoice): string {
  return choice.apiKey === undefined ? panelKey : choice.apiKey;
}
