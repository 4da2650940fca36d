import { describe, expect, it } from 'vitest';
import { excerptRuns } from '../../src/lib/searchExcerpt';

describe('excerptRuns', () => {
  it('splits an excerpt into plain and marked runs', () => {
    expect(excerptRuns('run <mark>foundry</mark> then <mark>chainlit</mark>')).toEqual([
      { text: 'run ', marked: false },
      { text: 'foundry', marked: true },
      { text: ' then ', marked: false },
      { text: 'chainlit', marked: true },
    ]);
  });

  it('decodes entities and drops any other markup, so nothing is injected as HTML', () => {
    expect(excerptRuns('a &lt;script&gt; &amp; <img src=x onerror=alert(1)>b')).toEqual([{ text: 'a <script> & b', marked: false }]);
  });
});
