/** Reading a byte stream whole, with progress and an optional cap: for downloads and request bodies alike. */

/** Joins the chunks a stream delivered into one buffer of `size` bytes. */
function concatChunks(chunks: readonly Uint8Array[], size: number): ArrayBuffer {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes.buffer;
}

/**
 * The whole of `stream` as one buffer, calling `onProgress` with the bytes read so far; 'too-large' once it
 * passes `maxBytes` — after reading the rest (discarded) when it ends within `drainUpTo`, else at once, cancelled.
 */
export function readStream(stream: ReadableStream<Uint8Array>, options: { onProgress?: (loaded: number) => void }): Promise<ArrayBuffer>;
/** The same, refusing a stream longer than `maxBytes`. */
export function readStream(stream: ReadableStream<Uint8Array>, options: { maxBytes: number; drainUpTo?: number; onProgress?: (loaded: number) => void }): Promise<ArrayBuffer | 'too-large'>;
/** The implementation of both. */
export async function readStream(
  stream: ReadableStream<Uint8Array>,
  { maxBytes = Infinity, drainUpTo = 0, onProgress }: { maxBytes?: number; drainUpTo?: number; onProgress?: (loaded: number) => void },
): Promise<ArrayBuffer | 'too-large'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.length;
    if (loaded > maxBytes) {
      // Read on, keeping nothing, up to `drainUpTo`: a sender still writing would otherwise see its connection
      // cut before it reads the refusal. Past that, stop reading.
      if (loaded <= drainUpTo) continue;
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
    onProgress?.(loaded);
  }
  return loaded > maxBytes ? 'too-large' : concatChunks(chunks, loaded);
}
