import { describe, expect, it } from 'vitest';
import { markdownPassages, passageTargetChars, plainInline, textPassages } from '../../src/lib/passages';
import { createPassageIndex, foldWord, searchWords } from '../../src/lib/passageSearch';
import { cosineSimilarity, fuseRankings, isEmbeddingModel, rankByEmbedding } from '../../src/lib/embeddingRanking';
import { citedPassages, ragMessages, splitCitations } from '../../src/lib/ragPrompt';
import { learnerFilePassages, maxLearnerFileBytes, problemBeforeReading } from '../../src/lib/learnerFiles';
import { retrievalQuality } from '../support/retrievalQuestions';

const lesson = { id: 'module-01/01-intro', title: 'Intro', href: '/en/module-01/01-intro/' };

describe('markdownPassages', () => {
  it('cuts a lesson at its headings and links each passage to its section, as Astro names the anchors', () => {
    const passages = markdownPassages('---\ntitle: x\n---\nOpening words.\n\n## Part 1: LLM vs SLM — the `decision` matrix\n\nText one.\n\n## Part 1: LLM vs SLM — the `decision` matrix\n\nText two.\n', lesson);
    expect(passages.map((passage) => [passage.section, passage.href, passage.text])).toEqual([
      ['Intro', '/en/module-01/01-intro/', 'Opening words.'],
      ['Part 1: LLM vs SLM — the decision matrix', '/en/module-01/01-intro/#part-1-llm-vs-slm--the-decision-matrix', 'Text one.'],
      ['Part 1: LLM vs SLM — the decision matrix', '/en/module-01/01-intro/#part-1-llm-vs-slm--the-decision-matrix-1', 'Text two.'],
    ]);
  });

  it('slugs non-Latin headings the way the lesson page does', () => {
    const [passage] = markdownPassages('## الجزء 5: Open WebUI مع Foundry Local\n\nنص.', lesson);
    expect(passage?.href).toBe('/en/module-01/01-intro/#الجزء-5-open-webui-مع-foundry-local');
  });

  it('keeps component text and code, drops tags, and keeps only the first of a set of OS tabs', () => {
    const source = '## Run\n\n<Aside type="caution">\nMind the port.\n</Aside>\n\n<OsTabs>\n<Tab shell="powershell">\n\n```powershell\n$env:PORT = 5273\n```\n\n</Tab>\n<Tab shell="posix">\n\n```bash\nexport PORT=5273\n```\n\n</Tab>\n</OsTabs>\n\n<EndpointPanel />\n\n```html\n<p>kept</p>\n# not a heading\n```';
    const [passage, ...rest] = markdownPassages(source, lesson);
    expect(rest).toEqual([]);
    expect(passage?.text).toContain('Mind the port.');
    expect(passage?.text).toContain('$env:PORT = 5273');
    expect(passage?.text).not.toContain('export PORT');
    expect(passage?.text).toContain('<p>kept</p>\n# not a heading');
    expect(passage?.text).not.toMatch(/Aside|OsTabs|EndpointPanel/);
  });

  it('leaves quizzes out, options and explanations included, since their wrong options would read as facts', () => {
    const source = '## Check\n\nYour answers are kept.\n\n<Quiz id="port">\n  <Question>Why is the connection refused?</Question>\n  <Option id="firewall">The firewall blocks loopback. <Explanation>It does not.</Explanation></Option>\n</Quiz>\n\n## Next\n\nSession 5.';
    const passages = markdownPassages(source, lesson);
    expect(passages.map((passage) => passage.text)).toEqual(['Your answers are kept.', 'Session 5.']);
  });

  it('cuts a long section at paragraph breaks into numbered parts', () => {
    const paragraph = 'word '.repeat(100).trim();
    const passages = markdownPassages(`## Long\n\n${Array(6).fill(paragraph).join('\n\n')}`, lesson);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.map((passage) => passage.id)).toEqual(passages.map((_, index) => `${lesson.id}#long~${index + 1}`));
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(passageTargetChars + paragraph.length);
  });

  it('reads table rows and inline marks as plain text', () => {
    expect(plainInline('**Bold** and [a link](https://x) and `code`')).toBe('Bold and a link and code');
    expect(plainInline('_Emphasis_, OLLAMA_HOST and OLLAMA_ORIGINS, my_file_name.txt')).toBe('Emphasis, OLLAMA_HOST and OLLAMA_ORIGINS, my_file_name.txt');
    const [passage] = markdownPassages('## T\n\n| A | B |\n| --- | --- |\n| one | two |', lesson);
    expect(passage?.text).toBe('A · B\none · two');
  });
});

describe('textPassages', () => {
  it('groups a plain-text file under its name, without a link', () => {
    const passages = textPassages('First paragraph.\r\n\r\nSecond paragraph.', { id: 'notes.txt', title: 'notes.txt' });
    expect(passages).toEqual([{ id: 'notes.txt#', source: 'notes.txt', section: 'notes.txt', href: undefined, text: 'First paragraph.\n\nSecond paragraph.' }]);
  });
});

describe('searchWords', () => {
  it('finds words in scripts written without spaces', () => {
    expect(searchWords('東京都に住む', 'ja').length).toBeGreaterThan(1);
  });

  it('splits French and Italian elided articles off the next word, curly or straight, and keeps aujourd’hui whole', () => {
    expect(searchWords('l’hôte', 'fr')).toEqual(['hote']);
    expect(searchWords("l'hôte", 'fr')).toEqual(['hote']);
    expect(searchWords('aujourd’hui', 'fr')).toEqual(["aujourd'hui"]);
    expect(searchWords('dell’utente', 'it')).toEqual(['utente']);
    expect(searchWords('l’hôte', 'en')).toEqual(["l'hote"]);
  });

  it('does not keep the narrow no-break space French sets before a semicolon as part of a word', () => {
    expect(searchWords('d’attente\u202F; file', 'fr')).toEqual(['attente', 'file']);
  });

  it('folds case, accents and Arabic letter variants, and drops the Arabic article', () => {
    expect(foldWord('Café', 'en')).toBe('cafe');
    expect(foldWord('النموذج', 'ar')).toBe(foldWord('نموذج', 'ar'));
    expect(foldWord('إعداد', 'ar')).toBe(foldWord('اعداد', 'ar'));
    expect(searchWords('Model, not loaded!', 'en')).toEqual(['model', 'not', 'loaded']);
  });
});

describe('createPassageIndex', () => {
  const passages = [
    ...markdownPassages('## Docker\n\nRun Open WebUI in a container with docker run.\n\n## Ports\n\nFoundry Local picks a new port on every start.', lesson),
    ...textPassages('Квоките живеят на остров Ротнест.', { id: 'quokka.txt', title: 'quokka.txt' }),
  ];
  const index = createPassageIndex(passages, 'en');

  it('ranks the passage that shares the most telling words first, with a score', () => {
    const [best] = index.search('Which port does Foundry Local use?', 3);
    expect(best?.passage.section).toBe('Ports');
    expect(best?.score).toBeGreaterThan(0);
  });

  it('matches other forms of a word by prefix and Cyrillic text by its own words', () => {
    expect(index.search('containers', 1)[0]?.passage.section).toBe('Docker');
    expect(index.search('квоки', 1)[0]?.passage.source).toBe('quokka.txt');
  });

  it('returns nothing when no word matches', () => {
    expect(index.search('zebra', 3)).toEqual([]);
  });
});

describe('embedding ranking', () => {
  const [a, b, c] = markdownPassages('## A\n\na\n\n## B\n\nb\n\n## C\n\nc', lesson);

  it('measures cosine similarity, and zero for an empty vector', () => {
    expect(cosineSimilarity([1, 0], [1, 0])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBeCloseTo(0);
    expect(cosineSimilarity([1, 0], [])).toBe(0);
  });

  it('orders passages by similarity to the query', () => {
    const ranked = rankByEmbedding([1, 0], [a!, b!, c!], [[0, 1], [1, 0.1], [0.5, 0.5]], 2);
    expect(ranked.map((entry) => entry.passage.section)).toEqual(['B', 'C']);
  });

  it('fuses rankings so that a passage high in both beats one first in only one', () => {
    const fused = fuseRankings([[{ passage: a!, score: 9 }, { passage: b!, score: 5 }], [{ passage: b!, score: 0.9 }, { passage: c!, score: 0.8 }]], 3);
    expect(fused.map((entry) => entry.passage.section)).toEqual(['B', 'A', 'C']);
  });

  it('tells embedding models from chat models by their id', () => {
    expect(isEmbeddingModel('qwen3-embedding-0.6b-generic-cpu:1')).toBe(true);
    expect(isEmbeddingModel('Phi-4-mini-instruct-generic-cpu:5')).toBe(false);
  });
});

describe('ragMessages and citations', () => {
  const [passage] = markdownPassages('## Ports\n\nFoundry Local picks a new port.', lesson);
  const words = { instructions: 'Answer from the passages; cite [n].', passagesHeading: 'Passages:', questionHeading: 'Question:' };

  it('numbers the passages in the prompt and ends with the question', () => {
    const messages = ragMessages('  Which port? ', [{ passage: passage!, score: 1 }], words);
    expect(messages[0]).toEqual({ role: 'system', content: words.instructions });
    expect(messages[1]?.content).toBe('Passages:\n\n[1] Ports (Intro)\nFoundry Local picks a new port.\n\nQuestion: Which port?');
  });

  it('reads citation marks, ignoring numbers that name no passage', () => {
    expect(splitCitations('It moves [1]. See [2] and [7].', 2)).toEqual(['It moves ', 1, '. See ', 2, ' and [7].']);
    expect(citedPassages('[2] then [1] then [2]', 3)).toEqual([2, 1]);
    expect(citedPassages('no citations', 3)).toEqual([]);
  });

  it('reads a mark naming several passages, and Arabic-Indic digits', () => {
    expect(splitCitations('Both say so [1, 2].', 2)).toEqual(['Both say so ', 1, 2, '.']);
    expect(citedPassages('كما في [٢] و[١،٢]', 2)).toEqual([2, 1]);
    expect(splitCitations('See [1, 9].', 2)).toEqual(['See [1, 9].']);
  });
});

describe('retrieval quality over the course', () => {
  it('finds the answering section in the top three for most questions, in every language', () => {
    for (const quality of retrievalQuality()) {
      expect(quality.hitsAt3 / quality.questions, `${quality.locale}: ${JSON.stringify(quality.misses)}`).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('learner files', () => {
  it('accepts Markdown and text files up to the size limit', () => {
    expect(problemBeforeReading('notes.md', 10)).toBeUndefined();
    expect(problemBeforeReading('NOTES.TXT', maxLearnerFileBytes)).toBeUndefined();
    expect(problemBeforeReading('slides.pdf', 10)).toBe('wrong-type');
    expect(problemBeforeReading('big.md', maxLearnerFileBytes + 1)).toBe('too-large');
  });

  it('cuts a Markdown file at its headings and a text file at its paragraphs', () => {
    const markdown = learnerFilePassages('guide.md', '# Guide\n\nIntro.\n\n## Setup\n\nInstall it.');
    expect(Array.isArray(markdown) && markdown.map((passage) => passage.section)).toEqual(['Guide', 'Setup']);
    const text = learnerFilePassages('notes.txt', 'One.\n\nTwo.');
    expect(Array.isArray(text) && text[0]?.source).toBe('notes.txt');
  });

  it('refuses an empty file and a binary file renamed to .txt', () => {
    expect(learnerFilePassages('empty.md', ' \n ')).toBe('empty');
    expect(learnerFilePassages('photo.txt', '\u0000\u0000PNG\uFFFD\uFFFD data')).toBe('not-text');
  });
});
