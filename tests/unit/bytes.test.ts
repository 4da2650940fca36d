import { describe, expect, it } from 'vitest';
import { readStream } from '../../src/lib/bytes';

/** A stream of `count` chunks of ten bytes that counts how many were read. */
function chunks(count: number) {
  const read = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read.chunks === count) return controller.close();
      read.chunks++;
      controller.enqueue(new Uint8Array(10).fill(read.chunks));
    },
  });
  return { stream, read };
}

describe('readStream', () => {
  it('reads a stream whole, reporting progress', async () => {
    const seen: number[] = [];
    const bytes = await readStream(chunks(3).stream, { onProgress: (loaded) => seen.push(loaded) });
    expect(new Uint8Array(bytes)).toEqual(Uint8Array.from([...Array(10).fill(1), ...Array(10).fill(2), ...Array(10).fill(3)]));
    expect(seen).toEqual([10, 20, 30]);
  });

  it('refuses past the cap at once, reading no further', async () => {
    const { stream, read } = chunks(10);
    expect(await readStream(stream, { maxBytes: 15 })).toBe('too-large');
    expect(read.chunks).toBeLessThan(5);
  });

  it('refuses past the cap after reading the rest, when it ends within the drain bound', async () => {
    const { stream, read } = chunks(10);
    expect(await readStream(stream, { maxBytes: 15, drainUpTo: 1000 })).toBe('too-large');
    expect(read.chunks).toBe(10);
    const longer = chunks(200);
    expect(await readStream(longer.stream, { maxBytes: 15, drainUpTo: 100 })).toBe('too-large');
    expect(longer.read.chunks).toBeLessThan(20);
  });
});
