import { describe, expect, it } from 'vitest';
import * as quire from '../src/index.js';

describe('the public API', () => {
  // Adding or removing an export is a deliberate change to quire's contract: update this list
  // and the README's "Library API" section together.
  it('exports exactly these names', () => {
    expect(Object.keys(quire).sort()).toEqual([
      'BatchIncompleteError',
      'BudgetExceededError',
      'CodeRunIncompleteError',
      'CodeSettingsSchema',
      'ConfigError',
      'ConfigSchema',
      'ConstraintFileSchema',
      'ContextBudgetError',
      'ContextOverflowError',
      'ContextWindow',
      'FindingSchema',
      'InputFileError',
      'InterruptedError',
      'InvalidOptionError',
      'MissingApiKeyError',
      'ModelCallError',
      'ModelOutputError',
      'ModelSpecError',
      'PlanSchema',
      'PlanningError',
      'PromptTemplateError',
      'QuireError',
      'ReportSchema',
      'RunDirectoryError',
      'RunInfoSchema',
      'RunStore',
      'SimOptionError',
      'SimServerError',
      'StoreError',
      'SuiteThresholdError',
      'TaskSchema',
      'UsageError',
      'UsageMeter',
      'WorkspacePathError',
      'assembleDocument',
      'callObject',
      'callText',
      'callTools',
      'convertSgtItem',
      'countWords',
      'createSimModel',
      'createTask',
      'discoverContextWindow',
      'evaluateCodeRun',
      'evaluateConstraints',
      'evaluateDocument',
      'evaluateRepetition',
      'expandConstraints',
      'formatSftRecord',
      'generateSgtTasks',
      'judgeQuality',
      'lengthBucket',
      'lengthBuckets',
      'lengthScore',
      'loadConfig',
      'ngramOverlap',
      'normalisePlan',
      'openCodeRunStore',
      'parseChecklist',
      'planDocument',
      'readConstraintFile',
      'readLongbenchData',
      'readRunInfo',
      'readSftInstructions',
      'readSgtDataset',
      'readSgtTasks',
      'renderPrompt',
      'resolveModel',
      'runCode',
      'runLongbench',
      'runSft',
      'runSgt',
      'segmentDocument',
      'startSimServer',
      'summariseLongbench',
      'summariseSgt',
      'writeDocument',
      'writeReportFile',
      'writeRun',
    ]);
  });

  it('exports every named error class, each a QuireError', () => {
    const errors = Object.entries(quire).filter(([name]) => name.endsWith('Error'));
    for (const [name, value] of errors) {
      expect(name === 'QuireError' || Object.getPrototypeOf(value) === quire.QuireError, name).toBe(
        true,
      );
    }
  });
});
