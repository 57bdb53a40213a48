import { describe, expect, it } from 'vitest';
import * as quire from '../src/index.js';
import * as sim from '../src/sim/index.js';

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
      'DamagedFileError',
      'FindingSchema',
      'InputFileError',
      'InterruptedError',
      'InvalidOptionError',
      'LengthIncompleteError',
      'LockHeldError',
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
      'SandboxUnavailableError',
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
      'checklistWeights',
      'convertSgtItem',
      'countWords',
      'createTask',
      'discoverContextWindow',
      'evaluateCodeRun',
      'evaluateConstraints',
      'evaluateDocument',
      'evaluateRepetition',
      'expandConstraints',
      'formatSftRecord',
      'generateSgtTasks',
      'helloEvalScore',
      'judgeChecklist',
      'judgeQuality',
      'lengthBucket',
      'lengthBuckets',
      'lengthScore',
      'loadConfig',
      'ngramOverlap',
      'normalisePlan',
      'openCodeRunStore',
      'openSandbox',
      'parseChecklist',
      'planDocument',
      'readConstraintFile',
      'readHellobenchData',
      'readLongbenchData',
      'readRunInfo',
      'readSftInstructions',
      'readSgtDataset',
      'readSgtTasks',
      'renderPrompt',
      'resolveModel',
      'runCode',
      'runHellobench',
      'runLongbench',
      'runSft',
      'runSgt',
      'segmentDocument',
      'summariseHellobench',
      'summariseLongbench',
      'summariseSgt',
      'writeDocument',
      'writeReportFile',
      'writeRun',
    ]);
  });

  it('exports the simulated model from quire/sim only', () => {
    expect(Object.keys(sim).sort()).toEqual(['createSimModel', 'startSimServer']);
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
