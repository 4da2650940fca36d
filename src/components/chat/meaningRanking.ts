/**
 * Ranking by meaning for "Ask the course": every passage is embedded once per endpoint and model through
 * the endpoint's `/v1/embeddings`, then compared with the question's embedding.
 */
import { isEmbeddingModel, rankByEmbedding } from '../../lib/embeddingRanking';
import type { Passage } from '../../lib/passages';
import type { RankedPassage } from '../../lib/passageSearch';
import type { EndpointChoice } from '../endpoint/endpointStore';
import { openAiClientFor } from '../endpoint/openAiClient';

/** Passages embedded per request: small enough for any server's batch limit. */
const embeddingBatch = 32;

/** The endpoint's loaded embedding model, if it has one. */
export function embeddingModelOf(choice: EndpointChoice | undefined): string | undefined {
  return choice?.models.find((model) => isEmbeddingModel(model.id) && model.loaded !== false)?.id;
}

/** Ranks passages by meaning, keeping each passage's embedding for the rest of the visit. */
export class MeaningRanking {
  /** Embeddings by endpoint and model, then by passage id. */
  private readonly embeddings = new Map<string, Map<string, number[]>>();

  /** Drops what was computed for these passages (a file removed, or added again with other content). */
  forget(passages: readonly Passage[]): void {
    for (const passage of passages) for (const known of this.embeddings.values()) known.delete(passage.id);
  }

  /** The `limit` passages closest in meaning to `question`; `onProgress` hears how many are embedded so far. */
  async rank(
    question: string,
    passages: readonly Passage[],
    { choice, model, limit, signal, onProgress }: { choice: EndpointChoice; model: string; limit: number; signal: AbortSignal; onProgress: (done: number, total: number) => void },
  ): Promise<RankedPassage[]> {
    const client = await openAiClientFor(choice);
    const cacheKey = `${choice.baseUrl} ${model}`;
    const known = this.embeddings.get(cacheKey) ?? new Map<string, number[]>();
    this.embeddings.set(cacheKey, known);
    const missing = passages.filter((passage) => !known.has(passage.id));
    const embed = async (inputs: string[]) =>
      (await client.embeddings.create({ model, input: inputs, encoding_format: 'float' }, { signal })).data.sort((a, b) => a.index - b.index).map((item) => item.embedding);
    for (let start = 0; start < missing.length; start += embeddingBatch) {
      onProgress(start, missing.length);
      const batch = missing.slice(start, start + embeddingBatch);
      const vectors = await embed(batch.map((passage) => `${passage.section}\n${passage.text}`));
      batch.forEach((passage, index) => known.set(passage.id, vectors[index] ?? []));
    }
    const [query] = await embed([question]);
    return rankByEmbedding(query ?? [], passages, passages.map((passage) => known.get(passage.id) ?? []), limit);
  }
}
