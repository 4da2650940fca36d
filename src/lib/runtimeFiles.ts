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

/** The course's tiny language model as the site serves it: every file the library fetches (its card, README.md, is not). */
export const courseModelBytes = (() => {
  const folder = join(process.cwd(), 'public', 'models', 'course-tiny-chat');
  const files = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', join('onnx', 'model.onnx')];
  return files.reduce((sum, file) => sum + statSync(join(folder, file)).size, 0);
})();

/** The Hub the browser model demo downloads from: huggingface.co, or the stand-in a test build names in COURSE_MODEL_HUB. */
export const modelHubHost = new URL(process.env['COURSE_MODEL_HUB'] || 'https://huggingface.co/').href;
