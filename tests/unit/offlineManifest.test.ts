import { describe, expect, it } from 'vitest';
import { localeOfFile, localeOfPath, offlinePlan, precacheLimitBytes, requestHandling } from '../../src/lib/offlineManifest';

const locales = ['en', 'bg', 'ar', 'zh-TW'];
const file = (url: string, size = 1000) => ({ url, revision: `r-${url}`, size });

describe('what the service worker keeps', () => {
  it('puts each language’s pages, strings, passages and search index with that language', () => {
    expect(localeOfFile('bg/module-08/04-cutting-edge-models/index.html', locales)).toBe('bg');
    expect(localeOfFile('ar/strings/digit-pad.json', locales)).toBe('ar');
    expect(localeOfFile('zh-TW/index.html', locales)).toBe('zh-TW');
    expect(localeOfFile('pagefind/pagefind.bg_e13c67c262.pf_meta', locales)).toBe('bg');
    expect(localeOfFile('pagefind/index/en_1a2b3c.pf_index', locales)).toBe('en');
    expect(localeOfFile('pagefind/fragment/zh-TW_9f8e7d.pf_fragment', locales)).toBe('zh-TW');
    expect(localeOfFile('pagefind/wasm.ar.pagefind', locales)).toBe('ar');
    // Shared by every language: the root page, the search runtime, the fallback stemmer, the site's own files.
    for (const shared of ['index.html', 'pagefind/pagefind.js', 'pagefind/wasm.unknown.pagefind', '_astro/style.D-7lKb2I.css', 'code-colors.css', 'fr/index.html']) {
      expect(localeOfFile(shared, locales), shared).toBeUndefined();
    }
  });

  it('precaches the shell and the pages, caches large built files when used, and leaves out Pagefind’s unused UI', () => {
    const plan = offlinePlan(
      [
        file('index.html'),
        file('_astro/pageBehaviours.js'),
        file('_astro/ort-wasm-simd-threaded.asyncify.wasm', 26_000_000),
        file('_astro/languageModel.worker.js', precacheLimitBytes + 1),
        file('bg/module-08/04-cutting-edge-models/index.html', 300_000), // a long page is still a page
        file('en/strings/code-block.json'),
        file('pagefind/pagefind-ui.js'),
        file('pagefind/pagefind-modular-ui.css'),
        file('pagefind/pagefind-highlight.js'),
        file('pagefind/pagefind.js'),
      ],
      locales,
    );
    expect(plan.shell.map((entry) => entry.url)).toEqual(['/index.html', '/_astro/pageBehaviours.js', '/pagefind/pagefind.js']);
    expect(plan.pages['bg']).toEqual([{ url: '/bg/module-08/04-cutting-edge-models/index.html', revision: 'r-bg/module-08/04-cutting-edge-models/index.html' }]);
    expect(plan.pages['en']!.map((entry) => entry.url)).toEqual(['/en/strings/code-block.json']);
    expect(plan.pages['ar']).toEqual([]);
    expect(plan.late).toEqual(['/_astro/ort-wasm-simd-threaded.asyncify.wasm', '/_astro/languageModel.worker.js']);
  });
});

describe('which requests the service worker answers', () => {
  const origin = 'http://localhost:4321';
  const plan = { late: ['/_astro/ort.wasm'] };
  const handling = (path: string, method = 'GET', from = origin) => requestHandling(new URL(path, from), origin, method, plan);

  it('never answers the bridge, however its path is spelt, nor another site, nor anything but GET', () => {
    for (const path of ['/api/endpoints', '/api', '/API/bridge/v1/models', '/%61pi/endpoints', '//api/endpoints', '/en/../api/endpoints']) {
      expect(handling(path), path).toBe('network');
    }
    expect(handling('/%E0%A4%A/', 'GET')).toBe('network'); // does not decode: not ours to answer
    expect(handling('/en/', 'POST')).toBe('network');
    expect(handling('/v1/models', 'GET', 'http://127.0.0.1:5273')).toBe('network');
  });

  it('serves built files from its caches: large ones cached when first used, the rest precached', () => {
    expect(handling('/_astro/ort.wasm')).toBe('late');
    expect(handling('/en/module-08/04-cutting-edge-models/')).toBe('precached');
    expect(handling('/apiary/')).toBe('precached');
  });

  it('finds the language of a page for its offline fallback', () => {
    expect(localeOfPath('/ar/search/', locales)).toBe('ar');
    expect(localeOfPath('/', locales)).toBeUndefined();
    expect(localeOfPath('/fr/', locales)).toBeUndefined();
  });
});
