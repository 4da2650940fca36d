/**
 * A stand-in for the Hugging Face Hub, for the browser tests: it serves the course's tiny model under any
 * Hub model's name, in the Hub's layout (`/<owner>/<name>/resolve/<revision>/<file>`, the q4 and q4f16 ONNX
 * files included), with the Hub's CORS header, weights sent slowly enough to watch, and counts what it served so a test can tell a cached load
 * from a download. Loopback only; anything outside that layout is a 404.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const modelFolder = join(process.cwd(), 'public', 'models', 'course-tiny-chat');
/** Every ONNX weight file a Hub repo may hold is the tiny model's one file here. */
const onnxNames = /^onnx\/model(_q4|_q4f16|_quantized|_fp16)?\.onnx$/;

/** Starts the stand-in on 127.0.0.1:`port`; `GET /__served` says how many files it served per repo. */
export function startHubStandIn(port: number) {
  const served = new Map<string, number>();
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (url.pathname === '/__served') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(Object.fromEntries(served)));
      return;
    }
    const match = /^\/([\w.-]+\/[\w.-]+)\/resolve\/[\w.-]+\/(.+)$/.exec(url.pathname);
    const file = match && (onnxNames.test(match[2]!) ? 'onnx/model.onnx' : match[2]!);
    const path = file && join(modelFolder, file);
    if (request.method !== 'GET' || !path || file.includes('..') || !existsSync(path) || file === 'README.md') {
      response.statusCode = 404;
      response.end('Entry not found');
      return;
    }
    served.set(match[1]!, (served.get(match[1]!) ?? 0) + 1);
    response.setHeader('content-length', String(statSync(path).size));
    response.setHeader('content-type', file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    // Weights trickle out (64 KB every 20 ms, about 1.3 s for the tiny model) so a test sees the progress bars move.
    const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
    if (file.endsWith('.onnx'))
      stream.on('data', (chunk) => {
        stream.pause();
        response.write(chunk, () => setTimeout(() => stream.resume(), 20));
      });
    else stream.on('data', (chunk) => response.write(chunk));
    stream.on('end', () => response.end());
  });
  server.listen(port, '127.0.0.1');
  return server;
}
