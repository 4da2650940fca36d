/** Runs the WebGPU checks in this browser (once per page) and judges them with src/lib/webGpuSupport. */
import { webGpuVerdict, type AdapterInfo, type WebGpuVerdict } from '../../lib/webGpuSupport';

interface GpuLike {
  requestAdapter(): Promise<{ info?: Partial<AdapterInfo> } | null>;
}

let verdict: Promise<WebGpuVerdict> | undefined;

/** Whether WebGPU runs here, and if not which check failed; the checks run once per page. */
export function probeWebGpu(): Promise<WebGpuVerdict> {
  verdict ??= (async () => {
    const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
    let adapter: AdapterInfo | null = null;
    if (isSecureContext && gpu) {
      const found = await gpu.requestAdapter().catch(() => null);
      if (found) adapter = { vendor: found.info?.vendor ?? '', architecture: found.info?.architecture ?? '', description: found.info?.description ?? '' };
    }
    return webGpuVerdict({ secureContext: isSecureContext, hasApi: gpu !== undefined, adapter });
  })();
  return verdict;
}

/** How an adapter reads in a sentence: "google swiftshader", or its description. */
export function adapterName(adapter: AdapterInfo): string {
  return [adapter.vendor, adapter.architecture].filter(Boolean).join(' ') || adapter.description || '?';
}
