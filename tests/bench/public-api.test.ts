import { describe, expect, it } from 'vitest';
import * as quire from '../../src/index.js';

describe('benchmarks and SFT in the public API', () => {
  it('exports every runner, reader, scorer and schema', () => {
    const expected = [
      'runLongbench',
      'runLongbenchItem',
      'readLongbenchData',
      'selectLongbenchItems',
      'summariseLongbench',
      'formatLongbenchSummary',
      'LongbenchResultSchema',
      'runSgt',
      'runSgtTask',
      'readSgtTasks',
      'selectSgtTasks',
      'generateSgtTasks',
      'sgtCheckSets',
      'summariseSgt',
      'formatSgtSummary',
      'SgtResultSchema',
      'SgtTaskFileSchema',
      'answerDirectly',
      'answerWithQuire',
      'openBenchFolder',
      'runBatch',
      'runResumable',
      'stableItemId',
      'parseJsonLines',
      'readSuiteFile',
      'checkThresholds',
      'LongbenchSuiteSchema',
      'SgtSuiteSchema',
      'SftSuiteSchema',
      'runSft',
      'runSftItem',
      'readSftInstructions',
      'readSftOutput',
      'formatSftRecord',
      'screenSftAnswer',
      'summariseSft',
      'sftPaths',
      'SftMetadataSchema',
      'SftRejectedRecordSchema',
    ];
    for (const name of expected)
      expect(typeof (quire as Record<string, unknown>)[name], name).not.toBe('undefined');
  });
});
