/**
 * Whether WebGPU can run here, and if not, which check failed: the page must be a secure context (https or
 * localhost), the browser must expose `navigator.gpu`, and it must hand out an adapter. `isFallbackAdapter`
 * is unreliable in current Chrome, so software adapters are recognised by name (SwiftShader, llvmpipe, WARP).
 */

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
}

export interface WebGpuChecks {
  secureContext: boolean;
  hasApi: boolean;
  /** The adapter's info, or null when `requestAdapter()` gave none (or was not tried). */
  adapter: AdapterInfo | null;
}

export type WebGpuVerdict =
  | { available: true; adapter: AdapterInfo & { software: boolean } }
  | { available: false; failedCheck: 'insecure-context' | 'no-api' | 'no-adapter' };

const softwareAdapterNames = /swiftshader|llvmpipe|lavapipe|softpipe|basic render|microsoft warp|software/i;

export function isSoftwareAdapter(info: AdapterInfo): boolean {
  return softwareAdapterNames.test(`${info.vendor} ${info.architecture} ${info.description}`);
}

export function webGpuVerdict(checks: WebGpuChecks): WebGpuVerdict {
  if (!checks.secureContext) return { available: false, failedCheck: 'insecure-context' };
  if (!checks.hasApi) return { available: false, failedCheck: 'no-api' };
  if (!checks.adapter) return { available: false, failedCheck: 'no-adapter' };
  return { available: true, adapter: { ...checks.adapter, software: isSoftwareAdapter(checks.adapter) } };
}
