/** Server-sent events read from a text stream, for clients that cannot use EventSource (it sends no Authorization header). */

/** The `data` of each complete event in `buffer`, and what is left over for the next chunk. */
export function takeSseEvents(buffer: string): { events: string[]; rest: string } {
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const frames = normalized.split('\n\n');
  const rest = frames.pop() ?? '';
  const events = frames
    .map((frame) =>
      frame
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
        .join('\n'),
    )
    .filter((data) => data !== '');
  return { events, rest };
}

/** The `data` of each event a stream of server-sent events carries, as it arrives; stopping early cancels the stream. */
export async function* sseEvents(stream: ReadableStream<BufferSource>): AsyncGenerator<string> {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const taken = takeSseEvents(buffer + value);
      buffer = taken.rest;
      yield* taken.events;
    }
  } finally {
    await reader.cancel();
  }
}
