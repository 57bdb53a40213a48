import { wrapLanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import * as quire from '../src/index.js';
import * as sim from '../src/sim/index.js';
import { useTempDir } from './helpers/temp-dir.js';

const tempDir = useTempDir();

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
      'GgufModelError',
      'InputFileError',
      'InterruptedError',
      'InvalidOptionError',
      'LedgerSchema',
      'LengthIncompleteError',
      'LockHeldError',
      'MissingApiKeyError',
      'ModelCallError',
      'ModelOutputError',
      'ModelSpecError',
      'PlanSchema',
      'PlanningError',
      'PromptTemplateError',
      'QueueError',
      'QuireError',
      'RemoteItemError',
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
      'judgeRubric',
      'lengthBucket',
      'lengthBuckets',
      'lengthScore',
      'loadConfig',
      'ngramOverlap',
      'normalisePlan',
      'openCodeRunStore',
      'openSandbox',
      'parseChecklist',
      'parseRubricFile',
      'planDocument',
      'queryLedger',
      'readConstraintFile',
      'readHellobenchData',
      'readLongbenchData',
      'readRubricFile',
      'readRunInfo',
      'readSftInstructions',
      'readSgtDataset',
      'readSgtTasks',
      'renderLedger',
      'renderPrompt',
      'resolveModel',
      'resolveModelInput',
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

  it('takes AI SDK model objects for the run and for each stage, as the README shows', async () => {
    const simModel = sim.createSimModel({ noise: 0 });
    const seen: string[] = [];
    // Any middleware: this one notes the calls it passes on.
    const writer = wrapLanguageModel({
      model: simModel,
      middleware: {
        specificationVersion: 'v3',
        wrapStream: ({ doStream }) => {
          seen.push('writer');
          return doStream();
        },
      },
    });
    const planner = new MockLanguageModelV3({
      modelId: 'planner',
      doGenerate: (options) => simModel.doGenerate(options),
      doStream: (options) => simModel.doStream(options),
    });
    const result = await quire.writeDocument({
      request: 'Write an 800-word note on barnacles',
      model: writer,
      models: { planner, reviewer: 'sim' },
      config: { write: { quality: 'fast' } },
      directory: await tempDir(),
    });
    expect(result.info.status).toBe('completed');
    expect(planner.doStreamCalls.length + planner.doGenerateCalls.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThanOrEqual(result.plan.sections.length);
  }, 60_000);

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
