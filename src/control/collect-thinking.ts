/** Gathers the thinking of the calls made for one part of a run, and saves it. */
export interface ThinkingCollector {
  /** Pass as `onThinking` in the call settings of that part. */
  onThinking: (thinking: string) => void;
  /** Saves the thinking gathered so far, if any came since the last save. */
  flush(): Promise<void>;
}

/**
 * A collector for one part of a run (the plan, or a section with its continuations, repairs
 * and summary). The thinking of each call follows the one before it, after a rule.
 */
export function collectThinking({
  save,
}: {
  save: (text: string) => Promise<unknown>;
}): ThinkingCollector {
  const parts: string[] = [];
  let saved = 0;
  return {
    onThinking: (thinking) => {
      parts.push(thinking.trim());
    },
    async flush() {
      if (parts.length === saved) return;
      const count = parts.length;
      await save(`${parts.join('\n\n---\n\n')}\n`);
      saved = count;
    },
  };
}
