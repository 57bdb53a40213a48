/**
 * How a `gguf:` model is run (config key `gguf`). Each `auto` reads the GGUF file: the chat
 * template from its metadata, the GPU layers that fit the free memory, and the threads.
 */
export interface GgufSettings {
  /** A node-llama-cpp chat wrapper name (`chatML`, `llama3.1`, …) or `auto`. */
  chatTemplate: string;
  /** Layers offloaded to the GPU: a count, `max`, or `auto`; 0 runs on the CPU only. */
  gpuLayers: number | 'auto' | 'max';
  /** CPU threads; `auto`: one for a model under `smallModelBytes`, else llama.cpp's choice. */
  threads: number | 'auto';
}

/** The settings when the config says nothing. */
export const defaultGgufSettings: GgufSettings = {
  chatTemplate: 'auto',
  gpuLayers: 'auto',
  threads: 'auto',
};

/**
 * Below this size a model's per-token work is too small to share: threads spend more time
 * waiting for each other than computing (measured on a 2-core machine: one thread ran a 1 MB
 * model hundreds of times faster than all cores).
 */
export const smallModelBytes = 64 * 1024 * 1024;
