import type { CommonOptions } from '../command-config.js';

/** The flags of `quire code`, as commander parses them. */
export interface CodeOptions extends CommonOptions {
  task?: string;
  out?: string;
  maxSteps?: number;
  maxTurns?: number;
  maxStepTokens?: number;
  conversationTokens?: number;
  maxRestarts?: number;
  repeatLimit?: number;
  testTimeout?: number;
  memoryLimit?: number;
  diskQuota?: number;
  temperature?: number;
  allowUnconfined?: boolean;
}
