/**
 * The endpoint and model the learner uses, shared by every endpoint demo on the page: found by the bridge
 * (when the course runs with `npm start`) or typed; remembered in localStorage without any API key, which
 * stays in memory for the visit. Builds the `openai` client that reaches it through the bridge or directly.
 */
import type { DiscoveryReport, EndpointKind, EndpointModel } from '../../lib/endpointDiscovery';
import { safeStorage } from '../../lib/preferences';

export interface EndpointChoice {
  baseUrl: string;
  kind: EndpointKind;
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
let bridge: boolean | undefined;
let apiKey = '';
const listeners = new Set<(choice: EndpointChoice | undefined) => void>();

export function currentChoice(): EndpointChoice | undefined {
  return current;
}

export function setChoice(choice: EndpointChoice | undefined): void {
  current = choice;
  if (choice) safeStorage.set(storageKey, JSON.stringify({ baseUrl: choice.baseUrl, model: choice.model }));
  for (const listener of listeners) listener(choice);
}

/** Asks the course's bridge which servers it finds; undefined when the page has none (a static copy). */
export async function discoverEndpoints(): Promise<DiscoveryReport | undefined> {
  let report: DiscoveryReport | undefined;
  try {
    const response = await fetch('/api/endpoints');
    report = response.ok && response.headers.get('content-type')?.includes('json') ? ((await response.json()) as DiscoveryReport) : undefined;
  } catch {
    report = undefined;
  }
  bridge = report !== undefined;
  return report;
}

/** Whether this page was served with the course's bridge (`npm start`), asking once if nobody has yet. */
export async function pageHasBridge(): Promise<boolean> {
  return bridge ?? (await discoverEndpoints()) !== undefined;
}

/** The same, once discovery has run (the endpoint panel runs it first). */
export function hasBridge(): boolean {
  return bridge ?? false;
}

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

export function setApiKey(key: string): void {
  apiKey = key;
}

/** An `openai` client for the chosen endpoint; loaded on first use, since the SDK is not small. */
export async function chatClient(choice: EndpointChoice) {
  const { default: OpenAI } = await import('openai');
  return new OpenAI({
    baseURL: choice.viaBridge ? `${location.origin}/api/bridge/v1` : (choice.apiBaseUrl ?? `${choice.baseUrl}/v1`),
    // A choice with its own key (a cloud endpoint) never gets the panel's. Local servers ignore the key,
    // but the SDK needs a non-empty one.
    apiKey: (choice.apiKey === undefined ? apiKey : choice.apiKey) || 'local-key',
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    defaultHeaders: choice.viaBridge ? { 'X-Course-Endpoint': choice.baseUrl } : {},
  });
}
