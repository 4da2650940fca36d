/**
 * TEST DOUBLE. The emulator's model catalog: real Foundry Local ids and aliases (from Foundry Local's
 * catalog, late 2026), which are cached and loaded, and how fast each one "generates" so that an SLM is
 * visibly faster than a 7B model. Nothing in the site imports this.
 */
export interface EmulatedModel {
  id: string;
  alias: string;
  cached: boolean;
  loaded: boolean;
  /** Time to first token and generation speed. */
  firstTokenMs: number;
  tokensPerSecond: number;
  fileSizeMb: number;
  /** An embedding model: answers /v1/embeddings, not chat. */
  embedding?: boolean;
  /** Only the given generation has the model. */
  generation?: 1 | 2;
}

/** A fresh copy of the catalog for each emulator, since loading a model marks it loaded in that copy. */
export function emulatedCatalog(): EmulatedModel[] {
  return [
    { id: 'qwen2.5-0.5b-instruct-generic-cpu:4', alias: 'qwen2.5-0.5b', cached: true, loaded: true, firstTokenMs: 40, tokensPerSecond: 120, fileSizeMb: 822 },
    { id: 'Phi-4-mini-instruct-generic-cpu:5', alias: 'phi-4-mini', cached: true, loaded: true, firstTokenMs: 80, tokensPerSecond: 60, fileSizeMb: 4915 },
    { id: 'deepseek-r1-distill-qwen-7b-generic-cpu:3', alias: 'deepseek-r1-7b', cached: true, loaded: true, firstTokenMs: 350, tokensPerSecond: 14, fileSizeMb: 6554 },
    { id: 'mistralai-Mistral-7B-Instruct-v0-2-generic-cpu:2', alias: 'mistral-7b-v0.2', cached: true, loaded: false, firstTokenMs: 400, tokensPerSecond: 12, fileSizeMb: 4198 },
    { id: 'Phi-3.5-mini-instruct-generic-gpu:1', alias: 'phi-3.5-mini', cached: false, loaded: false, firstTokenMs: 100, tokensPerSecond: 50, fileSizeMb: 2253 },
    { id: 'qwen2.5-coder-1.5b-instruct-generic-cpu:4', alias: 'qwen2.5-coder-1.5b', cached: true, loaded: true, firstTokenMs: 60, tokensPerSecond: 80, fileSizeMb: 1843 },
    // Foundry Local serves embeddings from generation 2 on.
    { id: 'qwen3-embedding-0.6b-generic-cpu:1', alias: 'qwen3-embedding-0.6b', cached: true, loaded: true, firstTokenMs: 5, tokensPerSecond: 0, fileSizeMb: 1190, embedding: true, generation: 2 },
  ];
}
