import { createHighlighter } from 'shiki';
import darkTheme from 'shiki/themes/github-dark-high-contrast.mjs';
import lightTheme from 'shiki/themes/github-light-high-contrast.mjs';
import { describe, expect, it } from 'vitest';
import { codeThemes } from '../../src/lib/codeThemes';
import { colorClassCss, colorClassTransformer } from '../../src/lib/shikiColorClasses';

const samples: Record<string, string> = {
  powershell: '$env:FOUNDRY_PORT = 5273\nfoundry model run "phi-4-mini" # start it\nif ($LASTEXITCODE -ne 0) { Write-Error "failed" }',
  bash: 'export OPENAI_BASE_URL="http://127.0.0.1:${PORT:-5273}/v1"\ncurl -s "$OPENAI_BASE_URL/models" | jq \'.data[].id\'',
  python: 'import os\nfrom openai import OpenAI\nclient = OpenAI(base_url=os.environ.get("BASE", "x"), api_key="k")\nprint(f"{len([1, 2]):>3}")  # done',
  javascript: 'const session = await ort.InferenceSession.create(url, { executionProviders: ["webgpu", "wasm"] });\nconsole.log(`ran in ${ms} ms`, /re+gex/g, 42n);',
  json: '{ "model": "phi-4-mini", "stream": true, "n": 1.5, "x": null }',
  html: '<script type="module" src="./main.js"></script><!-- note --><p class="a">Hi &amp; bye</p>',
};

describe('colour classes for highlighted code', () => {
  it('leaves no style attribute, and every class it writes has a rule', async () => {
    const highlighter = await createHighlighter({ themes: [codeThemes.light, codeThemes.dark], langs: Object.keys(samples) });
    const css = colorClassCss(lightTheme, darkTheme);
    for (const [lang, code] of Object.entries(samples)) {
      const html = highlighter.codeToHtml(code, { lang, themes: codeThemes, defaultColor: false, transformers: [colorClassTransformer()] });
      expect(html, lang).not.toContain('style=');
      const classes = [...html.matchAll(/\b(s[ld]b?-[0-9a-f]{3,8})\b/g)].map((match) => match[1]!);
      expect(classes.length, lang).toBeGreaterThan(3);
      for (const name of new Set(classes)) expect(css, `${lang}: .${name}`).toContain(`.${name}{`);
    }
  });

  it("keeps the code's text and colours while dropping line wrappers and spans in the block's own colour", async () => {
    const highlighter = await createHighlighter({ themes: [codeThemes.light, codeThemes.dark], langs: ['bash'] });
    const code = samples['bash']!;
    const plain = highlighter.codeToHtml(code, { lang: 'bash', themes: codeThemes, defaultColor: false });
    const html = highlighter.codeToHtml(code, { lang: 'bash', themes: codeThemes, defaultColor: false, transformers: [colorClassTransformer()] });
    const text = (markup: string) => markup.replace(/<[^>]+>/g, '');
    expect(text(html)).toBe(text(plain));
    expect(html).not.toContain('class="line"');
    const blockColors = /<pre class="[^"]*\b(sl-[0-9a-f]+) (sd-[0-9a-f]+)/.exec(html)!;
    expect(html).not.toContain(`<span class="${blockColors[1]} ${blockColors[2]}">`);
    expect(html.match(/<span /g)!.length).toBeLessThan(plain.match(/<span /g)!.length - 2);
    expect(html).toContain('<span class="sl-');
  });

  it('refuses a style it cannot turn into a class, rather than drop it silently', () => {
    const transformer = colorClassTransformer();
    const node = { type: 'element' as const, tagName: 'span', properties: { style: 'font-style:italic' }, children: [] };
    expect(() => transformer.span?.call({} as never, node, 1, 1, node, {} as never)).toThrow(/font-style:italic/);
  });
});
