/**
 * A minimal GGUF (version 3) serializer: enough to write a model file that llama.cpp loads.
 * Metadata values are strings, u32/i32/f32 numbers, booleans or arrays of one of those; tensors
 * are f32. Layout: header, metadata, tensor infos, padding to the alignment, then each tensor's
 * data padded to the alignment with no gaps (llama.cpp checks every offset).
 */

/** A metadata value, tagged with its GGUF type where a number could be several. */
export type GgufValue =
  | { type: 'u32' | 'i32' | 'f32'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'array'; of: 'u32' | 'i32' | 'f32' | 'string'; values: readonly (number | string)[] };

/** One f32 tensor; `shape` is fastest-varying first, as GGUF stores it ([cols, rows]). */
export interface GgufTensor {
  name: string;
  shape: readonly number[];
  data: Float32Array;
}

const alignment = 32;
const typeIds = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;
const f32Tensor = 0;

/** Serializes metadata and tensors to the bytes of a GGUF file. */
export function encodeGguf({
  metadata,
  tensors,
}: {
  metadata: Record<string, GgufValue>;
  tensors: readonly GgufTensor[];
}): Buffer {
  const head = new ByteWriter();
  head.raw(Buffer.from('GGUF', 'ascii'));
  head.u32(3);
  head.u64(tensors.length);
  head.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    head.string(key);
    head.u32(typeIds[value.type]);
    writeValue(head, value);
  }
  let offset = 0;
  for (const tensor of tensors) {
    head.string(tensor.name);
    head.u32(tensor.shape.length);
    for (const size of tensor.shape) head.u64(size);
    head.u32(f32Tensor);
    head.u64(offset);
    offset += padded(tensor.data.byteLength);
  }
  head.raw(Buffer.alloc(padded(head.length) - head.length));
  const body = tensors.map((tensor) => {
    const bytes = Buffer.alloc(padded(tensor.data.byteLength));
    Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength).copy(bytes);
    return bytes;
  });
  return Buffer.concat([head.bytes(), ...body]);
}

function writeValue(writer: ByteWriter, value: GgufValue): void {
  if (value.type === 'string') writer.string(value.value);
  else if (value.type === 'bool') writer.raw(Buffer.from([value.value ? 1 : 0]));
  else if (value.type !== 'array') writer.number(value.type, value.value);
  else {
    writer.u32(typeIds[value.of]);
    writer.u64(value.values.length);
    for (const item of value.values) {
      if (value.of === 'string') writer.string(String(item));
      else writeValue(writer, { type: value.of, value: Number(item) });
    }
  }
}

function padded(size: number): number {
  return Math.ceil(size / alignment) * alignment;
}

/** Little-endian bytes appended piece by piece. */
class ByteWriter {
  #chunks: Buffer[] = [];
  length = 0;

  raw(bytes: Buffer): void {
    this.#chunks.push(bytes);
    this.length += bytes.length;
  }

  u32(value: number): void {
    this.number('u32', value);
  }

  u64(value: number): void {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64LE(BigInt(value));
    this.raw(bytes);
  }

  number(type: 'u32' | 'i32' | 'f32', value: number): void {
    const bytes = Buffer.alloc(4);
    if (type === 'u32') bytes.writeUInt32LE(value);
    else if (type === 'i32') bytes.writeInt32LE(value);
    else bytes.writeFloatLE(value);
    this.raw(bytes);
  }

  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.raw(bytes);
  }

  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}
