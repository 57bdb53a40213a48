import type { CallSettings } from '../../model/call-settings.js';
import type { CodeSettings } from '../code-settings.js';
import type { CodePlan } from '../plan/code-plan.js';
import { planCode } from '../plan/plan-code.js';
import { scaffoldWorkspace } from '../workspace/scaffold-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import type { CodeRunEventSink } from './code-run-event.js';
import type { CodeRunStore } from './code-run-store.js';

/**
 * The plan a run works from: the saved `plan.json` when resuming, else a new plan (the empty
 * workspace is scaffolded first). A step left `running` was interrupted, so it is set back to
 * `pending`: it runs again on the workspace as it was left. The plan is saved before returning.
 */
export async function prepareCodePlan({
  store,
  workspace,
  spec,
  call,
  settings,
  emit,
}: {
  store: CodeRunStore;
  workspace: Workspace;
  spec: string;
  call: CallSettings;
  settings: Pick<CodeSettings, 'maxSteps' | 'planAttempts'>;
  emit: CodeRunEventSink;
}): Promise<CodePlan> {
  let plan = await store.readPlan();
  if (plan === undefined) {
    await scaffoldWorkspace({ workspace, name: 'generated-project' });
    const planned = await planCode({
      spec,
      call,
      maxSteps: settings.maxSteps,
      planAttempts: settings.planAttempts,
    });
    plan = planned.plan;
    emit({
      type: 'plan-end',
      steps: plan.instructions.length,
      requirements: plan.requirements.length,
      findings: plan.findings.length,
      calls: planned.calls,
    });
  }
  const ready: CodePlan = {
    ...plan,
    instructions: plan.instructions.map((each) =>
      each.status === 'running' ? { ...each, status: 'pending' as const } : each,
    ),
  };
  await store.writePlan(ready);
  return ready;
}
