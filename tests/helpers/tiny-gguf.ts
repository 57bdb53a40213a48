import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeGguf, type GgufTensor, type GgufValue } from './gguf-file.js';

/** The shape of the generated model: small enough to load and run in milliseconds. */
export interface TinyModelShape {
  layers: number;
  width: number;
  heads: number;
  feedForward: number;
  /** `llama.context_length`: the context size node-llama-cpp uses by default. */
  contextLength: number;
}

const defaultShape: TinyModelShape = {
  layers: 2,
  width: 64,
  heads: 4,
  feedForward: 128,
  contextLength: 8192,
};

/**
 * Writes a llama-architecture GGUF model with random weights (deterministic from `seed`) and a
 * byte-level BPE vocabulary of single bytes, `Ġ`+letter and letter pairs, and returns its path.
 * Random weights write gibberish; one embedding channel carries a constant that the output
 * matrix turns into a small bias toward letters, spaces and JSON punctuation, so free text comes
 * out as word-like runs and grammar-constrained JSON strings close before the token limit.
 */
export async function writeTinyGguf({
  directory,
  seed = 1,
  shape = defaultShape,
  name = 'tiny.gguf',
}: {
  directory: string;
  seed?: number;
  shape?: TinyModelShape;
  name?: string;
}): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, tinyGgufBytes({ seed, shape }));
  return path;
}

/** The bytes of the tiny model (see `writeTinyGguf`). */
export function tinyGgufBytes({
  seed = 1,
  shape = defaultShape,
}: {
  seed?: number;
  shape?: TinyModelShape;
}): Buffer {
  const { tokens, merges, types } = tinyVocabulary();
  const random = mulberry32(seed);
  const { width, feedForward } = shape;
  const matrix = (rows: number, cols: number, scale: number) =>
    Float32Array.from({ length: rows * cols }, () => (random() * 2 - 1) * scale);
  const tensor = (name: string, rows: number, cols: number, data: Float32Array): GgufTensor => ({
    name,
    shape: cols === 1 ? [rows] : [cols, rows],
    data,
  });
  const ones = (size: number) => new Float32Array(size).fill(1);
  const embedding = matrix(tokens.length, width, 0.1);
  const output = matrix(tokens.length, width, 0.1);
  tokens.forEach((token, id) => {
    // Channel 0 is the bias channel: constant in every embedding, weighted per token on output.
    embedding[id * width] = 3;
    output[id * width] = outputBias(token);
  });
  const tensors: GgufTensor[] = [
    tensor('token_embd.weight', tokens.length, width, embedding),
    tensor('output_norm.weight', width, 1, ones(width)),
    tensor('output.weight', tokens.length, width, output),
  ];
  for (let layer = 0; layer < shape.layers; layer++) {
    const block = (part: string) => `blk.${layer}.${part}.weight`;
    tensors.push(
      tensor(block('attn_norm'), width, 1, ones(width)),
      tensor(block('attn_q'), width, width, matrix(width, width, 0.1)),
      tensor(block('attn_k'), width, width, matrix(width, width, 0.1)),
      tensor(block('attn_v'), width, width, matrix(width, width, 0.1)),
      tensor(block('attn_output'), width, width, matrix(width, width, 0.1)),
      tensor(block('ffn_norm'), width, 1, ones(width)),
      tensor(block('ffn_gate'), feedForward, width, matrix(feedForward, width, 0.1)),
      tensor(block('ffn_up'), feedForward, width, matrix(feedForward, width, 0.1)),
      tensor(block('ffn_down'), width, feedForward, matrix(width, feedForward, 0.1)),
    );
  }
  const u32 = (value: number): GgufValue => ({ type: 'u32', value });
  const metadata: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: 'llama' },
    'general.name': { type: 'string', value: 'quire-tiny' },
    'llama.context_length': u32(shape.contextLength),
    'llama.embedding_length': u32(width),
    'llama.block_count': u32(shape.layers),
    'llama.feed_forward_length': u32(feedForward),
    'llama.attention.head_count': u32(shape.heads),
    'llama.attention.head_count_kv': u32(shape.heads),
    'llama.attention.layer_norm_rms_epsilon': { type: 'f32', value: 1e-5 },
    'llama.rope.dimension_count': u32(width / shape.heads),
    'llama.vocab_size': u32(tokens.length),
    'tokenizer.ggml.model': { type: 'string', value: 'gpt2' },
    'tokenizer.ggml.pre': { type: 'string', value: 'default' },
    'tokenizer.ggml.tokens': { type: 'array', of: 'string', values: tokens },
    'tokenizer.ggml.token_type': { type: 'array', of: 'i32', values: types },
    'tokenizer.ggml.merges': { type: 'array', of: 'string', values: merges },
    'tokenizer.ggml.bos_token_id': u32(tokens.indexOf(bos)),
    'tokenizer.ggml.eos_token_id': u32(tokens.indexOf(eos)),
  };
  return encodeGguf({ metadata, tensors });
}

const bos = '<s>';
const eos = '</s>';
const letters = 'abcdefghijklmnopqrstuvwxyz';
const jsonPunctuation = new Set(['"', ',', '}', ']', ':', '{', '[']);

/** How strongly the bias channel favours a token: words, spaces and JSON punctuation. */
function outputBias(token: string): number {
  // Just below the letters' top-k rank: some replies end, others run to the token limit.
  if (token === eos) return 0.44;
  if (token === '"') return 0.6;
  // Above `]`, so grammar-bound arrays of objects are rarely empty.
  if (token === '{') return 0.5;
  if (jsonPunctuation.has(token)) return 0.35;
  if (token.startsWith('Ġ') && token.length === 2) return 0.35;
  if (/^[a-z]{1,2}$/.test(token)) return 0.3;
  return 0;
}

/** Byte tokens in GPT-2's byte-to-character mapping, then `Ġ`+letter and letter pairs. */
function tinyVocabulary(): { tokens: string[]; merges: string[]; types: number[] } {
  const bytes = byteCharacters();
  const merges = [
    ...[...letters].map((letter) => `Ġ ${letter}`),
    ...[...letters].flatMap((first) => [...letters].map((second) => `${first} ${second}`)),
  ];
  const tokens = [...bytes, ...merges.map((merge) => merge.replace(' ', '')), bos, eos];
  const normal = 1;
  const control = 3;
  const types = tokens.map((token) => (token === bos || token === eos ? control : normal));
  return { tokens, merges, types };
}

/** GPT-2's reversible byte-to-character mapping: printable bytes stay, the rest move past 255. */
function byteCharacters(): string[] {
  const printable = (byte: number) =>
    (byte >= 33 && byte <= 126) || (byte >= 161 && byte <= 172) || byte >= 174;
  let shifted = 256;
  return Array.from({ length: 256 }, (_, byte) =>
    String.fromCodePoint(printable(byte) ? byte : shifted++),
  );
}

/** A small seeded generator (mulberry32): the same seed gives the same weights. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
