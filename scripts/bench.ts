/**
 * Measures what the course costs: build time, page count, and what a lesson page loads before any demo
 * is used (HTML, CSS and JavaScript, raw and gzip). Run with `npm run bench`; numbers go to the console.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const outDir = 'dist';
const lessonPages = ['en', 'bg', 'ar'].map((locale) => `${locale}/module-08/04-cutting-edge-models/index.html`);

function timeBuild(): number {
  const started = performance.now();
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

function countPages(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((count, entry) => {
    if (entry.isDirectory()) return entry.name === 'pagefind' ? count : count + countPages(join(folder, entry.name));
    return count + (entry.name.endsWith('.html') ? 1 : 0);
  }, 0);
}

type Weight = { raw: number; gzip: number };
const weigh = (content: string | Buffer): Weight => ({ raw: Buffer.byteLength(content), gzip: gzipSync(content).length });
const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const kb = ({ raw, gzip }: Weight) => `${(raw / 1024).toFixed(1)} KB (${(gzip / 1024).toFixed(1)} KB gzip)`;

/** A script and every module it imports, each once. */
function moduleGraph(path: string, seen = new Set<string>()): string[] {
  if (seen.has(path)) return [];
  seen.add(path);
  const code = readFileSync(join(outDir, path), 'utf8');
  const imports = [...code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map((match) => new URL(match[1]!, `file://${path}`).pathname);
  return [path, ...imports.flatMap((imported) => moduleGraph(imported, seen))];
}

function pageWeight(page: string) {
  const html = readFileSync(join(outDir, page), 'utf8');
  const asset = (path: string) => readFileSync(join(outDir, path));
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => weigh(asset(match[1]!)));
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  const scriptFiles = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!),
    ...inlineScripts.flatMap((code) => [...code.matchAll(/(?:import|from)\s*["'](\/[^"']+\.js)["']/g)].map((match) => match[1]!)),
  ].flatMap((path) => moduleGraph(path, seen));
  const externalJs = scriptFiles.map((path) => weigh(asset(path)));
  const inlineJs = inlineScripts.map((code) => weigh(code));
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => weigh(match[1]!));
  const none = { raw: 0, gzip: 0 };
  return {
    html: weigh(html),
    css: [...css, ...inlineCss].reduce(add, none),
    js: [...externalJs, ...inlineJs].reduce(add, none),
    requests: 1 + css.length + externalJs.length,
  };
}

const buildSeconds = timeBuild();
console.log(`Build (astro build + pagefind): ${buildSeconds.toFixed(1)} s, ${countPages(outDir)} pages`);
for (const page of lessonPages) {
  const { html, css, js, requests } = pageWeight(page);
  console.log(`${page}: ${requests} requests; HTML ${kb(html)}; CSS ${kb(css)}; JS ${kb(js)}; total ${kb(add(add(html, css), js))}`);
}
