/**
 * The UI strings the inference room's scripts read, one list per component (see components/strings.ts).
 * The markup imports the lists; the scripts import only their types, so no list reaches the browser.
 */
import { demoStateKeys } from '../../lib/demoState';
import type { UiKey } from '../../lib/i18n';

/** What a demo's loader says: download progress, failures, and the provider names in them. */
export const demoLoaderKeys = [
  'demo.downloadingRuntime', 'demo.downloadingModel', 'demo.preparing', 'demo.error.download-failed',
  'demo.error.runtime-failed', 'demo.error.model-rejected', 'demo.error.run-failed', 'provider.webgpu',
  'provider.wasm', ...demoStateKeys,
] as const satisfies readonly UiKey[];
/** A key of `demoLoaderKeys`. */
export type DemoLoaderKey = (typeof demoLoaderKeys)[number];

/** What the digit pad's script says: its loader's strings, then which provider ran, or that there is nothing drawn. */
export const digitPadKeys = [...demoLoaderKeys, 'digits.ranOn', 'digits.empty'] as const satisfies readonly UiKey[];
/** A key of `digitPadKeys`. */
export type DigitPadKey = (typeof digitPadKeys)[number];

/** What the ONNX inspector's script says. */
export const onnxInspectorKeys = [
  ...demoLoaderKeys, 'inspector.reading', 'inspector.ran', 'inspector.notOnnx', 'inspector.cannotGenerate',
] as const satisfies readonly UiKey[];
/** A key of `onnxInspectorKeys`. */
export type OnnxInspectorKey = (typeof onnxInspectorKeys)[number];

/** What the provider benchmark's script says. */
export const providerBenchmarkKeys = [
  ...demoLoaderKeys, 'bench.running', 'bench.threads', 'bench.isolated', 'bench.notIsolated', 'bench.agree',
  'bench.disagree', 'bench.onlyWasm', 'bench.median', 'bench.p90',
] as const satisfies readonly UiKey[];
/** A key of `providerBenchmarkKeys`. */
export type ProviderBenchmarkKey = (typeof providerBenchmarkKeys)[number];

/** What the WebGPU status says: available (on a software or hardware adapter), or which check failed. */
export const webGpuStatusKeys = [
  'webgpu.available', 'webgpu.software', 'webgpu.hardware', 'webgpu.insecureContext', 'webgpu.noApi',
  'webgpu.noAdapter',
] as const satisfies readonly UiKey[];
/** A key of `webGpuStatusKeys`. */
export type WebGpuStatusKey = (typeof webGpuStatusKeys)[number];
