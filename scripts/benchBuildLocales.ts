/**
 * How the build grows with the number of languages (issue 18): the course built with 3 locales (en, bg, ar),
 * the 12 lesson languages, and all of them, each in a scratch copy of this checkout whose locale list is cut to
 * that set (with the lessons and dictionaries of the others left out), timing `npm run build` (Astro, Pagefind,
 * the service worker) and weighing its output. Run with `npm run bench -- build-locales`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locales } from '../src/lib/locales.ts';

/** The languages Session 4 is translated into, with its English source. */
const lessonLanguages = readdirSync('src/content/sessions', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

function folderSize(folder: string): { files: number; bytes: number } {
  return readdirSync(folder, { withFileTypes: true }).reduce(
    (total, entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        const inner = folderSize(path);
        return { files: total.files + inner.files, bytes: total.bytes + inner.bytes };
      }
      return { files: total.files + 1, bytes: total.bytes + statSync(path).size };
    },
    { files: 0, bytes: 0 },
  );
}

/** A copy of this checkout (sources only, node_modules linked) that knows only `kept` locales. */
function checkoutWith(kept: readonly string[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'course-locales-'));
  for (const entry of readdirSync('.')) {
    if (['node_modules', 'dist', 'dist-test', '.git', 'test-results', 'tests'].includes(entry)) continue;
    cpSync(entry, join(copy, entry), { recursive: true });
  }
  symlinkSync(join(process.cwd(), 'node_modules'), join(copy, 'node_modules'));
  for (const locale of locales) {
    if (kept.includes(locale)) continue;
    rmSync(join(copy, 'src/content/sessions', locale), { recursive: true, force: true });
  }
  const localesFile = join(copy, 'src/lib/locales.ts');
  const list = kept.map((locale) => `'${locale}'`).join(', ');
  writeFileSync(localesFile, readFileSync(localesFile, 'utf8').replace(/export const locales = \[[^\]]*\] as const;/, `export const locales = [${list}] as const;`));
  return copy;
}

/** Builds the course for 3, 12 and every locale, printing time, pages and output size for each. */
export function benchBuildLocales(): void {
  const sets = [
    ['en', 'bg', 'ar'],
    lessonLanguages.length > 3 ? [...locales.filter((locale) => lessonLanguages.includes(locale))] : undefined,
    [...locales],
  ].filter((set): set is string[] => set !== undefined);
  let previous: { count: number; seconds: number } | undefined;
  for (const set of sets) {
    const copy = checkoutWith(set);
    try {
      const started = performance.now();
      execFileSync('npm', ['run', 'build'], { cwd: copy, stdio: 'ignore' });
      const seconds = (performance.now() - started) / 1000;
      const { files, bytes } = folderSize(join(copy, 'dist/client'));
      const pages = readdirSync(join(copy, 'dist/client'), { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
      const growth = previous ? `; ${((seconds - previous.seconds) / (set.length - previous.count)).toFixed(2)} s per added locale` : '';
      console.log(`Build with ${set.length} locales: ${seconds.toFixed(1)} s, ${pages} pages, ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB${growth}`);
      previous = { count: set.length, seconds };
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
}
