import { evaluationSettings } from '../../evaluators/evaluation-settings.js';
import type { Judge } from '../../evaluators/judge.js';
import type { ControlUnitResult } from '../control-unit.js';
import { finishDocument } from '../finish-document.js';
import { lengthOutcome } from '../length/length-outcome.js';
import type { WriteRunContext } from './write-run-context.js';
import type { WriteRunResult } from './write-run-result.js';

/**
 * Ends a run whose sections are all written: assembles and scores the document
 * (`finishDocument`), judges its length against the gate, and records how the run ended:
 * `completed`, or `incomplete-length` with the reason.
 */
export async function endWriteRun({
  run: { store, task, config, session },
  judge,
  result,
  words,
}: {
  run: WriteRunContext;
  judge: Judge | undefined;
  /** The drafted (and reviewed) document. */
  result: ControlUnitResult;
  /** Words its sections hold. */
  words: number;
}): Promise<WriteRunResult> {
  const { plan } = result;
  const { document, report } = await finishDocument({
    store,
    task,
    plan,
    sections: result.sections,
    judge,
    settings: evaluationSettings(config),
  });
  const outcome = lengthOutcome({
    words: report.words,
    target: task.words,
    gate: config.lengthGate,
    capacity: result.capacity,
  });
  // A run stopped for the model's capacity is incomplete even if what it has happens to fit.
  const reason = result.status === 'incomplete-length' ? result.stopReason : outcome.reason;
  const status = reason === undefined ? 'completed' : 'incomplete-length';
  await session.saveInfo({ status, stopReason: reason });
  await session.emit({
    type: 'run-end',
    status,
    ...(reason === undefined ? {} : { reason }),
    words,
    totals: session.meter.totals(),
    costUsd: session.info().costUsd,
  });
  return {
    info: session.info(),
    plan,
    document,
    words,
    report,
    lengthGate: outcome.gate,
    stoppedEarly: result.status === 'incomplete-length',
  };
}
