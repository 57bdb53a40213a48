import { collectPreferencePairs } from './collect-preference-pairs.js';
import { formatPreferenceRecord } from './preference-record.js';
import type { SftItemOutcome } from './run-sft-item.js';
import type { SftInstruction } from './sft-instruction.js';
import type { SftMetadata } from './sft-metadata.js';

/**
 * An instruction's outcome under `--format dpo`: one record per preference pair its run left
 * (see `collectPreferencePairs`), each with the instruction's metadata and the number of pairs;
 * a run with none is rejected (`no-pairs`), so the count shows and a rerun does not redo it.
 */
export async function preferenceOutcome({
  runDirectory,
  instruction,
  document,
  metadata: given,
}: {
  runDirectory: string;
  instruction: SftInstruction;
  document: string;
  metadata: SftMetadata;
}): Promise<SftItemOutcome> {
  const pairs = await collectPreferencePairs({ directory: runDirectory });
  const metadata = { ...given, pairs: pairs.length };
  if (pairs.length > 0) {
    return {
      kind: 'written',
      records: pairs.map((pair) => formatPreferenceRecord({ pair, metadata })),
      metadata,
    };
  }
  return {
    kind: 'rejected',
    record: {
      prompt: instruction.prompt,
      response: document,
      reference: instruction.reference ?? '',
      reasons: [
        {
          reason: 'no-pairs',
          message:
            'no preference pair: the candidates of every section scored alike and the review kept no rewrite',
        },
      ],
      metadata,
    },
    metadata,
  };
}
