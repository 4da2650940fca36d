// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { locales, sourceLocale } from './src/lib/locales.ts';
import { osTabsPlugin } from './src/lib/osTabsPlugin.ts';
import { uiStringsCheck } from './src/lib/uiStringsCheck.ts';
import { devBridgeGuard } from './src/lib/devBridgeGuard.ts';
import { devServiceWorkerGuard } from './src/lib/devServiceWorkerGuard.ts';
import { contentSecurityPolicy } from './src/lib/contentSecurityPolicy.ts';
import { codeThemes } from './src/lib/codeThemes.ts';
import { colorClassTransformer } from './src/lib/shikiColorClasses.ts';
import { codeColorsPlugin } from './src/lib/codeColorsPlugin.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Test builds include fixture lessons (see src/content.config.ts) and must not overwrite the real site.
  outDir: process.env.COURSE_FIXTURES === '1' ? './dist-test' : './dist',
  // Pages link with a trailing slash; the bridge's API paths (built by the openai SDK) have none.
  trailingSlash: 'ignore',
  i18n: {
    locales: [...locales],
    defaultLocale: sourceLocale,
    // `/` is our own page: it picks the reader's language (see src/pages/index.astro).
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // Lessons are MDX, highlighted below with colours as classes (no style attributes, so the
  // Content-Security-Policy admits none); plain Markdown files are only test fixtures.
  markdown: { syntaxHighlight: false },
  // MDX goes through Sätteri, which ignores `mdx({ remarkPlugins })`; its own mdast plugins run instead.
  integrations: [mdx({
      processor: satteri({ mdastPlugins: [osTabsPlugin] }),
      syntaxHighlight: 'shiki',
      shikiConfig: { themes: codeThemes, defaultColor: false, transformers: [colorClassTransformer()] },
    }), uiStringsCheck(), devBridgeGuard(), devServiceWorkerGuard()],
  // Every page carries a Content-Security-Policy <meta> (scripts/serve-course.ts also sends it as a header).
  security: { csp: contentSecurityPolicy },
  // Lessons are prerendered; the on-demand routes under /api are the local bridge to the learner's model server.
  adapter: node({ mode: 'standalone' }),
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Stylesheets as files: cached across pages (and offline) instead of repeated in every page's HTML.
  build: { inlineStylesheets: 'never' },
  // Components' scoped styles mark elements with a class (`astro-…`, same specificity as the default
  // attribute) rather than a `data-astro-cid-…` attribute on each: half a kilobyte less per lesson, compressed.
  scopedStyleStrategy: 'class',
  vite: {
    // ONNX Runtime Web finds its .wasm next to its own module; pre-bundling it in dev breaks that.
    optimizeDeps: { exclude: ['onnxruntime-web'] },
    worker: { format: 'es' },
    plugins: [
      codeColorsPlugin(),
      {
        // No preload lists: the page's one script would otherwise carry every demo's dependency list
        // (3.5 KB) to load nothing. Astro sets the client build's options itself, hence a plugin.
        name: 'course:no-module-preload',
        configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
      },
    ],
    build: {
      // One stylesheet for the whole site (about 7 KB compressed), cached once for every page.
      cssCodeSplit: false,
      rolldownOptions: {
        // Astro's own MDX output trips a harmless bundler warning: withastro/astro#18087.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
