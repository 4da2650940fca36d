/** The model files transformers.js keeps in Cache Storage: how much of each model is stored, and removing one. */
import { isFileOf, type BrowserModel } from '../../lib/browserModels';

/** The cache transformers.js stores model files in (its `env.cacheKey`). */
const modelCacheName = 'transformers-cache';

async function openModelCache(): Promise<Cache | undefined> {
  return 'caches' in globalThis ? caches.open(modelCacheName).catch(() => undefined) : undefined;
}

/** What the browser stores of one model: its files' addresses and their bytes. */
export interface StoredModel {
  urls: string[];
  bytes: number;
}

/** What is stored per model (by repo), counting only the models in `catalog`. */
export async function storedModels(catalog: readonly BrowserModel[]): Promise<Map<string, StoredModel>> {
  const stored = new Map<string, StoredModel>();
  const cache = await openModelCache();
  if (!cache) return stored;
  for (const request of await cache.keys()) {
    const model = catalog.find((entry) => isFileOf(entry, request.url));
    if (!model) continue;
    const response = await cache.match(request);
    const bytes = Number(response?.headers.get('content-length')) || (await response?.clone().blob())?.size || 0;
    const entry = stored.get(model.repo) ?? { urls: [], bytes: 0 };
    stored.set(model.repo, { urls: [...entry.urls, request.url], bytes: entry.bytes + bytes });
  }
  return stored;
}

/** Deletes every stored file of `model`. */
export async function removeStoredModel(model: BrowserModel): Promise<void> {
  const cache = await openModelCache();
  if (!cache) return;
  for (const request of await cache.keys()) if (isFileOf(model, request.url)) await cache.delete(request);
}
