/**
 * Ranking by meaning with an endpoint's `/v1/embeddings`, and hybrid ranking that fuses it with the
 * keyword ranking by reciprocal rank fusion (Cormack et al., 2009): ranks are combined, not raw scores,
 * because BM25 scores and cosine similarities live on different scales.
 */
import type { Passage } from './passages.ts';
import type { RankedPassage } from './passageSearch.ts';

/** The cosine of the angle between two embeddings, -1 to 1; 0 when either is all zeros. Extra dimensions of the longer one are ignored. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}

/** Passages ordered by the similarity of their embedding to the query's, best first. */
export function rankByEmbedding(query: readonly number[], passages: readonly Passage[], embeddings: readonly (readonly number[])[], limit: number): RankedPassage[] {
  return passages
    .map((passage, index) => ({ passage, score: cosineSimilarity(query, embeddings[index] ?? []) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** The constant of reciprocal rank fusion: 60 in the original paper, damping the weight of the top ranks. */
const fusionDamping = 60;

/** Several rankings fused into one: each passage scores the sum of 1 / (60 + rank) over the rankings. */
export function fuseRankings(rankings: readonly (readonly RankedPassage[])[], limit: number): RankedPassage[] {
  const fused = new Map<string, RankedPassage>();
  for (const ranking of rankings) {
    ranking.forEach(({ passage }, rank) => {
      const entry = fused.get(passage.id) ?? { passage, score: 0 };
      entry.score += 1 / (fusionDamping + rank + 1);
      fused.set(passage.id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Whether a model id names an embedding model rather than a chat model. */
export function isEmbeddingModel(id: string): boolean {
  return /embed/i.test(id);
}
