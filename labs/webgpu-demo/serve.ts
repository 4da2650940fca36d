/**
 * Serves the WebGPU lab on http://localhost:5173 (or $PORT): the two lab files, the project's pinned
 * onnxruntime-web build under /ort/, and the course's digit model and samples. Only these files are served.
 * Run from the project root: npm run lab:webgpu
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, extname, join } from 'node:path';

const root = process.cwd();
const runtimeFolder = join(root, 'node_modules', 'onnxruntime-web', 'dist');
const routes: Record<string, string> = {
  '/': join(root, 'labs', 'webgpu-demo', 'index.html'),
  '/main.js': join(root, 'labs', 'webgpu-demo', 'main.js'),
  '/model.onnx': join(root, 'public', 'models', 'digit-classifier.onnx'),
  '/digit-samples.json': join(root, 'public', 'models', 'digit-samples.json'),
};
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
};

function fileFor(path: string): string | undefined {
  if (routes[path]) return routes[path];
  // basename() keeps a request inside the runtime folder whatever dots or slashes it carries.
  if (path.startsWith('/ort/')) return join(runtimeFolder, basename(path));
  return undefined;
}

const port = Number(process.env['PORT'] ?? 5173);
createServer((request, response) => {
  const file = fileFor(new URL(request.url ?? '/', 'http://localhost').pathname);
  if (!file || !existsSync(file)) {
    response.writeHead(404).end('Not found');
    return;
  }
  response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}).listen(port, 'localhost', () => console.log(`WebGPU lab: http://localhost:${port}/`));
