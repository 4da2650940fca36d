/** The `openai` SDK client for an endpoint choice, through the bridge or directly; the SDK loads on first use, since it is not small. */
import { apiKeyFor, type EndpointChoice } from './endpointStore';

/** An `openai` client that reaches `choice` (through the bridge when the choice says so). */
export async function openAiClientFor(choice: EndpointChoice) {
  const { default: OpenAI } = await import('openai');
  return new OpenAI({
    baseURL: choice.viaBridge ? `${location.origin}/api/bridge/v1` : (choice.apiBaseUrl ?? `${choice.baseUrl}/v1`),
    // Local servers ignore the key, but the SDK needs a non-empty one.
    apiKey: apiKeyFor(choice) || 'local-key',
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    defaultHeaders: choice.viaBridge ? { 'X-Course-Endpoint': choice.baseUrl } : {},
  });
}
