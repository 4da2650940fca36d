import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPagePaths } from './site-pages';

// Absolute links to the configured site (canonical, hreflang) point into this same build.
const siteOrigin = 'http://localhost:4321';

function linksIn(html: string): string[] {
  return [...html.matchAll(/<(?:a|link)\s[^>]*?href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
}

test('every internal link of the built site resolves, anchors included', async ({ request, baseURL }) => {
  const seen = new Map<string, string>();
  const queue = ['/', ...builtPagePaths()];
  const broken: string[] = [];
  const fetchPage = async (path: string) => {
    if (!seen.has(path)) {
      const response = await request.get(path);
      seen.set(path, response.ok() ? await response.text() : '');
      if (!response.ok()) return undefined;
    }
    return seen.get(path);
  };

  while (queue.length > 0) {
    const from = queue.shift()!;
    const html = await fetchPage(from);
    if (!html || !from.endsWith('/')) continue;
    for (const href of linksIn(html)) {
      const url = new URL(href.replace(siteOrigin, baseURL!), new URL(from, baseURL));
      if (url.origin !== new URL(baseURL!).origin) continue;
      const target = await fetchPage(url.pathname);
      if (target === undefined) broken.push(`${from} → ${href} (not found)`);
      else if (url.hash && url.pathname.endsWith('/') && !idsIn(target).has(decodeURIComponent(url.hash.slice(1))))
        broken.push(`${from} → ${href} (no such anchor)`);
      else if (!seen.has(url.pathname + '#queued')) {
        seen.set(url.pathname + '#queued', '');
        queue.push(url.pathname);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(seen.size).toBeGreaterThan(20);
});

test('the build printed no warnings', () => {
  const log = readFileSync('tests/.output/build.log', 'utf8');
  expect(log).toContain('Complete!');
  expect(log.split('\n').filter((line) => /\[WARN\]|warning/i.test(line))).toEqual([]);
});
