/** The `openai` SDK client for an endpoint choice, through the bridge or directly; the SDK loads on first use, since it is not small. */
import { inBrowserFetch } from './browserEndpoint';
import { apiKeyFor, type EndpointChoice } from './endpointStore';

/** An `openai` client that reaches `choice` (through the bridge when the choice says so, in this tab for the browser's model). */
export async function openAiClientFor(choice: EndpointChoice) {
  const { default: OpenAI } = await import('openai');
  if (choice.kind === 'browser') return new OpenAI({ baseURL: `${choice.baseUrl}/v1`, apiKey: 'this-tab', dangerouslyAllowBrowser: true, maxRetries: 0, fetch: inBrowserFetch });
  return new OpenAI({
    baseURL: choice.viaBridge ? `${location.origin}/api/bridge/v1` : (choice.apiBaseUrl ?? `${choice.baseUrl}/v1`),
    // Local servers ignore the key, but the SDK needs a non-empty one.
    apiKey: apiKeyFor(choice) || 'local-key',
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    defaultHeaders: choice.viaBridge ? { 'X-Course-Endpoint': choice.baseUrl } : {},
  });
}
