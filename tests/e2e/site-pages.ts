/** The pages of the test build, read from its output folder, as paths to open in the browser. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const outDir = 'dist-test/client';

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

export function builtPagePaths(): string[] {
  return htmlFiles(outDir)
    .map((file) => `/${relative(outDir, file).split('\\').join('/')}`.replace(/index\.html$/, ''))
    .sort();
}
