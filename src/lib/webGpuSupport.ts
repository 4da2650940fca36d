/**
 * Whether WebGPU can run here, and if not, which check failed: the page must be a secure context (https or
 * localhost), the browser must expose `navigator.gpu`, and it must hand out an adapter. `isFallbackAdapter`
 * is unreliable in current Chrome, so software adapters are recognised by name (SwiftShader, llvmpipe, WARP).
 */

/** The GPU adapter's self-description (`GPUAdapter.info`), used to tell a software renderer from real hardware. */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
}

/** What the page found out, in order: secure context, `navigator.gpu`, and the adapter if one was given. */
export interface WebGpuChecks {
  secureContext: boolean;
  hasApi: boolean;
  /** The adapter's info, or null when `requestAdapter()` gave none (or was not tried). */
  adapter: AdapterInfo | null;
}

/** WebGPU is usable, with the adapter and whether it renders in software; or the first check that failed. */
export type WebGpuVerdict =
  | { available: true; adapter: AdapterInfo & { software: boolean } }
  | { available: false; failedCheck: 'insecure-context' | 'no-api' | 'no-adapter' };

const softwareAdapterNames = /swiftshader|llvmpipe|lavapipe|softpipe|basic render|microsoft warp|software/i;

/** Whether an adapter renders on the CPU (SwiftShader, llvmpipe, WARP…), judged by its names since `isFallbackAdapter` is unreliable. */
export function isSoftwareAdapter(info: AdapterInfo): boolean {
  return softwareAdapterNames.test(`${info.vendor} ${info.architecture} ${info.description}`);
}

/** The verdict from the checks, reporting the first that failed: an insecure page, then no API, then no adapter. */
export function webGpuVerdict(checks: WebGpuChecks): WebGpuVerdict {
  if (!checks.secureContext) return { available: false, failedCheck: 'insecure-context' };
  if (!checks.hasApi) return { available: false, failedCheck: 'no-api' };
  if (!checks.adapter) return { available: false, failedCheck: 'no-adapter' };
  return { available: true, adapter: { ...checks.adapter, software: isSoftwareAdapter(checks.adapter) } };
}
