/**
 * Build-time facts about the files a demo downloads, so the page can state their sizes before the
 * learner starts it. Node only (read in component frontmatter).
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const projectRequire = createRequire(join(process.cwd(), 'package.json'));

/** The WebAssembly binary that ONNX Runtime Web's WebGPU build loads (it runs the WASM provider too). */
export const runtimeWasmBytes = statSync(projectRequire.resolve('onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm')).size;
