/**
 * Asks the course's bridge (present when the course runs with `npm start`) which model servers it finds.
 * A statically hosted copy has no bridge: the answer is then undefined, and demos call endpoints directly.
 */
import type { DiscoveryReport } from '../../lib/endpointDiscovery';

let latest: Promise<DiscoveryReport | undefined> | undefined;

/** The bridge's discovery report, asked afresh; undefined when the page has no bridge. */
export function askBridgeForEndpoints(): Promise<DiscoveryReport | undefined> {
  latest = (async () => {
    try {
      const response = await fetch('/api/endpoints');
      return response.ok && response.headers.get('content-type')?.includes('json') ? ((await response.json()) as DiscoveryReport) : undefined;
    } catch {
      return undefined;
    }
  })();
  return latest;
}

/** Whether this page was served with the bridge, from the latest discovery (asking once if nobody has yet). */
export async function pageHasBridge(): Promise<boolean> {
  return (await (latest ?? askBridgeForEndpoints())) !== undefined;
}
