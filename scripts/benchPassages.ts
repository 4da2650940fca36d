/**
 * Passage-level retrieval quality (issue 17): for each language's two question sets (the first, seen while
 * the ranking was tuned, and a held-out one; tests/support/passageQuestions.ts), asked in a learner's own
 * words, where the passage that answers it ranks — hit@1, hit@3 and MRR@10 — by keyword with whole words
 * (the ranking before issue 17), stemmed without stop words, then with the language's glossary as the chat
 * ranks, and by meaning and hybrid with
 * the Foundry Local emulator's embeddings. Those are hashed bags of words, not a model: they exercise
 * the path and set a floor, they do not say how a real embedding model ranks. To measure a real one, name
 * an OpenAI-compatible endpoint on this machine and its embedding model:
 *   COURSE_BENCH_EMBEDDINGS=http://127.0.0.1:5273 COURSE_BENCH_EMBEDDING_MODEL=qwen3-embedding-0.6b npm run bench -- retrieval
 */
import { startEmulator } from '../tests/emulator/foundry-emulator.ts';
import { passageQuestionSets } from '../tests/support/passageQuestions.ts';
import { summarize } from '../src/lib/benchmarkStats.ts';
import { fuseRankings, rankByEmbedding } from '../src/lib/embeddingRanking.ts';
import { createPassageIndex } from '../src/lib/passageSearch.ts';
import { scoreRanking, type MeasuredQuestion, type RankingScore } from '../src/lib/rankingMeasure.ts';
import { loadWordForms, plainWordForms } from '../src/lib/wordForms.ts';
import type { Passage } from '../src/lib/passages.ts';

const emulatorPort = 5394;
const embeddingsEndpoint = process.env['COURSE_BENCH_EMBEDDINGS'] ?? `http://127.0.0.1:${emulatorPort}`;
const embeddingModel = process.env['COURSE_BENCH_EMBEDDING_MODEL'] ?? 'qwen3-embedding-0.6b-generic-cpu:1';
const embeddingsName = process.env['COURSE_BENCH_EMBEDDINGS'] ? embeddingModel : 'emulator embeddings';

async function embed(inputs: readonly string[]): Promise<number[][]> {
  const response = await fetch(`${embeddingsEndpoint}/v1/embeddings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: embeddingModel, input: inputs }),
  });
  if (!response.ok) throw new Error(`${embeddingsEndpoint}/v1/embeddings answered ${response.status}: ${await response.text()}`);
  const { data } = (await response.json()) as { data: { embedding: number[] }[] };
  return data.map(({ embedding }) => embedding);
}

function describe(name: string, score: RankingScore): string {
  const percent = (hits: number) => `${((100 * hits) / score.questions).toFixed(0)} %`;
  return `${name}: hit@1 ${score.hitsAt1}/${score.questions} (${percent(score.hitsAt1)}), hit@3 ${score.hitsAt3}/${score.questions} (${percent(score.hitsAt3)}), MRR ${score.meanReciprocalRank.toFixed(2)}`;
}

/** Prints, per language and question set, the passage-level scores of each ranking, the index build and search times, and keyword misses. */
export async function benchPassageRetrieval(): Promise<void> {
  const emulator = startEmulator({ port: emulatorPort, generation: 2, quirks: false, cors: false });
  try {
    const heldOut = new Map(passageQuestionSets('held-out').map((set) => [set.locale, set.questions]));
    const keywordHitsAt3: Record<string, { hits: number; questions: number; percents: string[] }> = {};
    for (const { locale, questions, passages, glossary } of passageQuestionSets('first')) {
      const forms = await loadWordForms(locale);
      const buildMs: number[] = [];
      for (let round = 0; round < 20; round++) {
        const started = performance.now();
        createPassageIndex(passages, locale, forms, glossary);
        buildMs.push(performance.now() - started);
      }
      const unstemmed = createPassageIndex(passages, locale, plainWordForms);
      const formsOnly = createPassageIndex(passages, locale, forms);
      const stemmed = createPassageIndex(passages, locale, forms, glossary);
      const byKeyword = (index: typeof stemmed) => (question: string, depth: number): Passage[] => index.search(question, depth).map(({ passage }) => passage);
      const searchMs: number[] = [];
      const timedKeyword = (question: string, depth: number) => {
        const started = performance.now();
        const ranked = byKeyword(stemmed)(question, depth);
        searchMs.push(performance.now() - started);
        return ranked;
      };
      const passageVectors = await embed(passages.map((passage) => `${passage.section}\n${passage.text}`));
      const byMeaning = async (question: string, depth: number) => rankByEmbedding((await embed([question]))[0]!, passages, passageVectors, depth);
      const rankings: [string, (question: string, depth: number) => Passage[] | Promise<Passage[]>][] = [
        ['keyword, whole words (before)', byKeyword(unstemmed)],
        ['keyword, stemmed, without stop words', byKeyword(formsOnly)],
        [`keyword, and the glossary's ${glossary.length} entries (the chat's default)`, timedKeyword],
        [`meaning (${embeddingsName})`, async (question, depth) => (await byMeaning(question, depth)).map(({ passage }) => passage)],
        ['hybrid', async (question, depth) => fuseRankings([stemmed.search(question, depth), await byMeaning(question, depth)], depth).map(({ passage }) => passage)],
      ];
      const sets: [string, string, MeasuredQuestion[]][] = [
        ['first', `first set, ${questions.length} questions (seen while tuning)`, questions],
        ['held-out', `held-out set, ${heldOut.get(locale)?.length ?? 0} questions (never seen while tuning)`, heldOut.get(locale) ?? []],
      ];
      const lines: string[] = [];
      const misses: string[] = [];
      for (const [setKind, setName, setQuestions] of sets) {
        if (setQuestions.length === 0) continue;
        lines.push(`  ${setName}:`);
        for (const [name, rank] of rankings) {
          const score = await scoreRanking(setQuestions, rank);
          lines.push(`    ${describe(name, score)}`);
          if (rank !== timedKeyword) continue;
          const total = (keywordHitsAt3[setKind] ??= { hits: 0, questions: 0, percents: [] });
          total.hits += score.hitsAt3;
          total.questions += score.questions;
          total.percents.push(`${locale} ${((100 * score.hitsAt3) / score.questions).toFixed(0)}`);
          for (const miss of score.misses) misses.push(`  keyword missed (${setKind}): "${miss.question}" (answer: "${miss.answer}"; top: ${miss.top.join(' | ')})`);
        }
      }
      const search = summarize(searchMs);
      console.log(`Passages (${locale}): ${passages.length} passages; index built in ${summarize(buildMs).median.toFixed(2)} ms, search median ${search.median.toFixed(3)} ms, p90 ${search.p90.toFixed(3)} ms`);
      for (const line of [...lines, ...misses]) console.log(line);
    }
    for (const [setKind, { hits, questions, percents }] of Object.entries(keywordHitsAt3))
      console.log(`Passages, ${setKind} sets, keyword as the chat ranks: hit@3 ${hits}/${questions} (${((100 * hits) / questions).toFixed(0)} %); by language, %: ${percents.join(', ')}`);
  } finally {
    emulator.close();
  }
}
