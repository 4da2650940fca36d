/**
 * What a built lesson page weighs before any demo is used, read from the built files (bytes are
 * deterministic, so a test can hold them to the budgets): its HTML, its stylesheets, and the scripts it
 * loads before the load event (the page's `<script>`s and every module they import statically; the page
 * script imports everything else dynamically, after the load event). Used by `npm run bench` and by
 * tests/e2e/page-budgets.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A lesson page's budgets, in gzip bytes. Scripts before load: issue 15's 5 KB. HTML: issue 15 asked for
 * 20 KB; today's Session 4 carries about 31 KB of prose, quizzes, commands and demo controls (Starlight's
 * page for the same lesson, without demos or quizzes, weighs 29.3 KB), so the budget holds it there
 * until the lesson's demos are built another way (see the README's "Page weight"). Raised from 32 to 33 KB
 * with issue 18, which gave the page a link to each of its twelve translations (hreflang) and, where the
 * translation is a machine's, the notice that says so: 0.8 KB in all.
 */
export const pageBudgets = {
  html: 33 * 1024,
  scriptsBeforeLoad: 5 * 1024,
} as const;

/** Raw and gzip bytes. */
export type Weight = { raw: number; gzip: number };

/** The weight of some content. */
export const weigh = (content: string | Buffer): Weight => ({ raw: Buffer.byteLength(content), gzip: gzipSync(content, { level: 9 }).length });
/** Two weights together. */
export const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
/** A weight as "12.3 KB (4.5 KB gzip)". */
export const kb = ({ raw, gzip }: Weight) => `${(raw / 1024).toFixed(1)} KB (${(gzip / 1024).toFixed(1)} KB gzip)`;

/** A script and every module it imports statically, each once (paths from the site's root). */
function moduleGraph(siteDir: string, path: string, seen = new Set<string>()): string[] {
  if (seen.has(path)) return [];
  seen.add(path);
  const code = readFileSync(join(siteDir, path), 'utf8');
  // Static imports only (`import … from "x"`, `import "x"`); `import("x")` runs later, when a demo asks.
  const imports = [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["']([^"']+\.js)["']/g)].map((match) => new URL(match[1]!, `file://${path}`).pathname);
  return [path, ...imports.flatMap((imported) => moduleGraph(siteDir, imported, seen))];
}

/** A built page's HTML, stylesheets and scripts before the load event, with the number of requests they take. */
export function pageWeight(siteDir: string, page: string) {
  const html = readFileSync(join(siteDir, page), 'utf8');
  const asset = (path: string) => readFileSync(join(siteDir, path));
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => weigh(asset(match[1]!)));
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  const scriptFiles = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!),
    ...inlineScripts.flatMap((code) => [...code.matchAll(/(?:import|from)\s*["'](\/[^"']+\.js)["']/g)].map((match) => match[1]!)),
  ].flatMap((path) => moduleGraph(siteDir, path, seen));
  const none = { raw: 0, gzip: 0 };
  const css = [...stylesheets, ...[...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => weigh(match[1]!))].reduce(add, none);
  const js = [...scriptFiles.map((path) => weigh(asset(path))), ...inlineScripts.map((code) => weigh(code))].reduce(add, none);
  return { html: weigh(html), css, js, scriptFiles, requests: 1 + stylesheets.length + scriptFiles.length };
}
