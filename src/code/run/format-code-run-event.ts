import type { CodeRunEvent } from './code-run-event.js';

/**
 * The progress line shown for an event, or `undefined` for events too fine-grained to show
 * (single tool calls, usage totals), which stay in the journal. Pure.
 */
export function formatCodeRunEvent(event: CodeRunEvent): string | undefined {
  switch (event.type) {
    case 'run-start':
      return `${event.resumed ? 'resuming' : 'starting'} ${event.runDir} with ${event.model}`;
    case 'plan-end':
      return `plan: ${event.steps} step(s) for ${event.requirements} requirement(s), ${event.findings} finding(s), ${event.calls} planner call(s)`;
    case 'step-start':
      return `step ${event.stepNumber}/${event.stepCount} ${event.stepId}: ${event.title}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'check-end': {
      const tests = event.tests ? `, ${event.tests.passed}/${event.tests.tests} tests passed` : '';
      return `  checks ${event.passed ? 'passed' : `failed (${event.findings} problem(s))`}${tests}`;
    }
    case 'loop-nudge':
      return `  repeated ${event.toolName} ${event.repeats} times: nudged, temperature ${event.temperature ?? 'default'}`;
    case 'step-restart':
      return `  context reached ~${event.estimatedTokens} tokens: summarised, restart ${event.restarts}`;
    case 'step-end':
      return event.status === 'passed'
        ? `  ${event.stepId} passed in ${event.turns} turn(s), ${event.tokens} tokens`
        : `  ${event.stepId} ${event.status}: ${event.message}`;
    case 'run-end':
      return `run ${event.status}: ${event.totalRequirements - event.unmetRequirements}/${event.totalRequirements} requirements met`;
    default:
      return undefined;
  }
}
