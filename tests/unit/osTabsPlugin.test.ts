import { pathToFileURL } from 'node:url';
import { evaluate, type MdastNode, type MdxJsxAttributeNode, type MdxJsxFlowElement } from 'satteri';
import { describe, expect, it } from 'vitest';
import { numberOsTabs, osTabsPlugin } from '../../src/lib/osTabsPlugin';

const file = '/course/en/module-08/lesson.mdx';

function attribute(name: string, value: string | null): MdxJsxAttributeNode {
  return { type: 'mdxJsxAttribute', name, value };
}

function element(name: string, attributes: MdxJsxAttributeNode[], children: MdxJsxFlowElement['children']): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes, children };
}

function paragraph(text: string): MdxJsxFlowElement['children'][number] {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

function tab(shell: string, text = `${shell} command`): MdxJsxFlowElement {
  return element('Tab', [attribute('shell', shell)], [paragraph(text)]);
}

function osTabs(...children: MdxJsxFlowElement['children']): MdxJsxFlowElement {
  return element('OsTabs', [], children);
}

function root(...children: MdxJsxFlowElement['children']): MdastNode {
  return { type: 'root', children };
}

describe('numberOsTabs', () => {
  it('gives the group its set and shells in order, each tab the set, and the first tab `selected`', () => {
    const [numbered] = numberOsTabs(root(osTabs(tab('powershell'), tab('cmd'), tab('posix'))), file);
    expect(numbered?.numbered.attributes).toEqual([attribute('set', 'os-tabs-1'), attribute('shells', 'powershell cmd posix')]);
    expect(numbered?.numbered.children.map((child) => (child as MdxJsxFlowElement).attributes)).toEqual([
      [attribute('shell', 'powershell'), attribute('set', 'os-tabs-1'), attribute('selected', null)],
      [attribute('shell', 'cmd'), attribute('set', 'os-tabs-1')],
      [attribute('shell', 'posix'), attribute('set', 'os-tabs-1')],
    ]);
  });

  it('numbers the groups of a file in document order, nested ones included, and keeps the panels’ content', () => {
    const first = osTabs(tab('powershell'), tab('posix'));
    const panelContent = paragraph('cmd command');
    const nested = osTabs(element('Tab', [attribute('shell', 'cmd')], [panelContent]));
    const tree = root(first, paragraph('between'), element('Aside', [], [nested]));
    const result = numberOsTabs(tree, file);
    expect(result.map(({ original }) => original)).toEqual([first, nested]);
    expect(result.map(({ numbered }) => numbered.attributes)).toEqual([
      [attribute('set', 'os-tabs-1'), attribute('shells', 'powershell posix')],
      [attribute('set', 'os-tabs-2'), attribute('shells', 'cmd')],
    ]);
    // The panels' content is passed on as the same nodes, and the input tree is left as it was.
    expect((result[1]?.numbered.children[0] as MdxJsxFlowElement).children[0]).toBe(panelContent);
    expect(nested.attributes).toEqual([]);
  });

  it('replaces a set or selection the author wrote, so only the first tab is selected', () => {
    const second = element('Tab', [attribute('shell', 'posix'), attribute('selected', null), attribute('set', 'mine')], []);
    const [numbered] = numberOsTabs(root(osTabs(tab('powershell'), second)), file);
    expect((numbered?.numbered.children[1] as MdxJsxFlowElement).attributes).toEqual([attribute('shell', 'posix'), attribute('set', 'os-tabs-1')]);
  });

  it.each([
    ['no tab', osTabs(), '<OsTabs> needs at least one <Tab shell="…"> inside.'],
    ['a tab without a shell', osTabs(element('Tab', [], [])), '<Tab> needs a literal shell="…", one of powershell, cmd, posix.'],
    [
      'a shell given as an expression',
      osTabs(element('Tab', [{ type: 'mdxJsxAttribute', name: 'shell', value: { type: 'mdxJsxAttributeValueExpression', value: 'shell' } }], [])),
      '<Tab> needs a literal shell="…"',
    ],
    ['an unknown shell', osTabs(tab('bash')), '<Tab shell="bash"> is not a known shell; use one of powershell, cmd, posix.'],
    ['a shell twice', osTabs(tab('posix'), tab('cmd'), tab('posix')), '<Tab shell="posix"> appears twice in one <OsTabs>.'],
    ['content outside a tab', osTabs(tab('cmd'), paragraph('stray')), 'only <Tab shell="…"> elements may sit directly inside <OsTabs> (found a paragraph).'],
  ])('stops on %s, naming the file', (_, group, problem) => {
    expect(() => numberOsTabs(root(group), file)).toThrow(`${file}: ${problem}`);
  });
});

describe('osTabsPlugin in the MDX compiler', () => {
  type Rendered = { type: unknown; props: Record<string, unknown> };
  const runtime = { Fragment: 'Fragment', jsx: (type: unknown, props: unknown) => ({ type, props }), jsxs: (type: unknown, props: unknown) => ({ type, props }) };

  function elementsOfType(node: unknown, type: string): Rendered[] {
    if (Array.isArray(node)) return node.flatMap((child) => elementsOfType(child, type));
    if (typeof node !== 'object' || node === null || !('props' in node)) return [];
    const rendered = node as Rendered;
    return [...(rendered.type === type ? [rendered] : []), ...elementsOfType(rendered.props['children'], type)];
  }

  async function render(source: string): Promise<unknown> {
    const module = await evaluate(source, { ...runtime, mdastPlugins: [osTabsPlugin], fileURL: pathToFileURL(file) });
    const content = module['default'] as (props: object) => unknown;
    return content({ components: { OsTabs: 'OsTabs', Tab: 'Tab' } });
  }

  it('passes the set, shells and selection to the components as props', async () => {
    const lesson = '<OsTabs>\n<Tab shell="cmd">\n\n```cmd\nset PORT=5273\n```\n\n</Tab>\n<Tab shell="posix">\n\nthen export it\n\n</Tab>\n</OsTabs>\n\n<OsTabs>\n<Tab shell="posix">\n\nagain\n\n</Tab>\n</OsTabs>\n';
    const tree = await render(lesson);
    expect(elementsOfType(tree, 'OsTabs').map(({ props }) => [props['set'], props['shells']])).toEqual([
      ['os-tabs-1', 'cmd posix'],
      ['os-tabs-2', 'posix'],
    ]);
    expect(elementsOfType(tree, 'Tab').map(({ props }) => [props['set'], props['shell'], props['selected']])).toEqual([
      ['os-tabs-1', 'cmd', true],
      ['os-tabs-1', 'posix', undefined],
      ['os-tabs-2', 'posix', true],
    ]);
    expect(elementsOfType(tree, 'code')[0]?.props['children']).toBe('set PORT=5273\n');
  });

  it('stops the compile with the file and line of the mistake', async () => {
    await expect(render('# Ports\n\n<OsTabs>\n<Tab shell="zsh">\n\nx\n\n</Tab>\n</OsTabs>\n')).rejects.toThrow(
      `${file}:4: <Tab shell="zsh"> is not a known shell`,
    );
  });
});
