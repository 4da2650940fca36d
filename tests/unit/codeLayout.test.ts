/**
 * The house rules of src/, checked on the source itself: every export says what it is, dependencies
 * between the rooms of src/components point one way, and no two modules share a name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function filesUnder(folder: string, extensions: readonly string[]): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.includes(extname(entry.name)) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** An .astro file's frontmatter and client scripts, or a .ts file whole: the code that can import and export. */
function codeOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontmatter, ...scripts].join('\n');
}

const sourceFiles = filesUnder(src, ['.ts', '.astro']);
const scriptFiles = [...filesUnder(join(root, 'scripts'), ['.ts']), ...filesUnder(join(root, 'tests/support'), ['.ts']), ...filesUnder(join(root, 'tests/emulator'), ['.ts'])];

describe('every export has a doc comment', () => {
  it.each([...sourceFiles, ...scriptFiles].map((file) => [relative(root, file), file]))('%s', (_name, file) => {
    const lines = codeOf(file).split('\n');
    const undocumented = lines.flatMap((line, index) => {
      const declared = /^export (?:default )?(?:async )?(?:function\*?|const|let|class|abstract class|interface|type|enum) (\w+)/.exec(line)?.[1];
      if (!declared) return [];
      return lines[index - 1]?.trimEnd().endsWith('*/') ? [] : [declared];
    });
    expect(undocumented).toEqual([]);
  });
});

/** The rooms of src/components and the rooms each may import from (besides itself, the shared modules and src/lib). */
const allowedImports: Record<string, readonly string[]> = {
  course: ['progress'],
  progress: [],
  inference: ['progress'],
  endpoint: [],
  chat: ['endpoint', 'progress'],
  deployment: ['endpoint', 'progress', 'course'],
  preflight: ['endpoint', 'inference', 'chat', 'progress', 'classroom'],
  classroom: ['progress'],
  instructor: [],
  quiz: ['progress'],
  schedule: [],
  languagemodel: ['chat', 'endpoint', 'inference'],
  offline: [],
};
/** Shared modules sit directly in src/components and import no room. */
const shared = '(shared)';

function roomOf(file: string): string | undefined {
  const path = relative(join(src, 'components'), file);
  if (path.startsWith('..')) return undefined;
  return path.includes('/') ? path.split('/')[0] : shared;
}

function relativeImports(file: string): string[] {
  const code = codeOf(file);
  return [...code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"?]+)/g)].map((match) => resolve(dirname(file), match[1]!));
}

/** The registries that name every room on purpose: what a lesson may use, what a page loads, which strings each element reads. */
const registries = ['lessonComponents.ts', 'pageBehaviours.ts', 'stringSets.ts'].map((name) => join(src, 'components', name));

describe('rooms depend one way', () => {
  const componentFiles = sourceFiles.filter((file) => roomOf(file) !== undefined && !registries.includes(file));

  it.each(componentFiles.map((file) => [relative(root, file), file]))('%s imports only from the rooms below it', (_name, file) => {
    const from = roomOf(file)!;
    const allowed = from === shared ? [shared] : [from, shared, ...(allowedImports[from] ?? [])];
    const crossings = relativeImports(file)
      .map((target) => ({ target, room: roomOf(target) }))
      .filter(({ room }) => room !== undefined && !allowed.includes(room))
      .map(({ target }) => relative(src, target));
    expect(crossings).toEqual([]);
  });

  it('knows every room in src/components', () => {
    const rooms = new Set(componentFiles.map(roomOf).filter((room) => room !== shared));
    expect([...rooms].sort()).toEqual(Object.keys(allowedImports).sort());
  });

  it('keeps src/lib free of components', () => {
    const reaching = sourceFiles
      .filter((file) => file.startsWith(join(src, 'lib')))
      .filter((file) => relativeImports(file).some((target) => roomOf(target) !== undefined))
      .map((file) => relative(src, file));
    expect(reaching).toEqual([]);
  });
});

describe('module names', () => {
  it('gives no two modules in src the same name, apart from a component and its own client script (pages are named by their URL)', () => {
    const byName = new Map<string, string[]>();
    for (const file of sourceFiles.filter((file) => !file.startsWith(join(src, 'pages')))) {
      const name = basename(file, extname(file)).toLowerCase();
      byName.set(name, [...(byName.get(name) ?? []), relative(src, file)]);
    }
    const clashes = [...byName.values()].filter((files) => {
      if (files.length === 1) return false;
      const isComponentPair = files.length === 2 && dirname(files[0]!) === dirname(files[1]!) && files.some((file) => file.endsWith('.astro')) && files.some((file) => file.endsWith('.ts'));
      return !isComponentPair;
    });
    expect(clashes).toEqual([]);
  });
});
