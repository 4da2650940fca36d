/**
 * Facts about a model file before and after the runtime reads it: a quick check that the bytes can be an
 * ONNX model (a protobuf `ModelProto` opens with field 1, `ir_version`, as a varint: byte 0x08), and made-up
 * input for each of its inputs so it can be run once.
 */

/** Whether the bytes can be an ONNX model, judged from their first bytes only, so a wrong file is refused before the runtime loads it. */
export function looksLikeOnnx(bytes: Uint8Array): boolean {
  return bytes.length > 16 && bytes[0] === 0x08 && bytes[1]! > 0 && bytes[1]! < 0x20;
}

/** An input or output as ONNX Runtime Web describes it (`session.inputMetadata`). */
export interface TensorDescription {
  name: string;
  type: string;
  /** Sizes; a name or a negative number for a size the model leaves open. */
  shape: readonly (number | string)[];
}

/** The typed array holding a tensor's values; booleans are stored as bytes. */
export type PlaceholderData = Float32Array | Int32Array | BigInt64Array | Uint8Array;

/** A tensor to feed a session: the input's name, its element type, its sizes and its values. */
export interface PlaceholderInput {
  name: string;
  type: string;
  dims: number[];
  data: PlaceholderData;
}

const filledBy: Record<string, (size: number) => PlaceholderData> = {
  float32: (size) => Float32Array.from({ length: size }, (_, i) => ((i * 7919) % 1000) / 1000),
  int32: (size) => new Int32Array(size),
  int64: (size) => new BigInt64Array(size),
  uint8: (size) => new Uint8Array(size),
  bool: (size) => new Uint8Array(size),
};

/** Open sizes become 1; deterministic values so two runs (or two providers) see the same input. */
export function placeholderInput(input: TensorDescription): PlaceholderInput | undefined {
  const fill = filledBy[input.type];
  if (!fill) return undefined;
  const dims = input.shape.map((size) => (typeof size === 'number' && size > 0 ? size : 1));
  return { name: input.name, type: input.type, dims, data: fill(dims.reduce((a, b) => a * b, 1)) };
}

/** A shape as a learner reads it: `[1, 1, 28, 28]`, open sizes by name (`[batch, 10]`) or `?`. */
export function formatShape(shape: readonly (number | string)[]): string {
  return `[${shape.map((size) => (typeof size === 'number' && size < 0 ? '?' : String(size))).join(', ')}]`;
}
