import type { Plan } from '../../planner/plan-schema.js';
import { renderPrompt } from '../../prompts/render-prompt.js';

/**
 * What a section drafted in parallel is told about its place, since it cannot see the text
 * before it: its neighbours' briefs, the facts fixed at planning time, and where it starts and
 * ends (prompt `parallel-neighbours`).
 */
export async function neighbourBriefs({
  plan,
  index,
}: {
  plan: Plan;
  index: number;
}): Promise<string> {
  const describe = (position: number) => {
    const section = plan.sections[position];
    return section ? `"${section.title}", which covers: ${section.brief}` : undefined;
  };
  const facts = plan.facts ?? [];
  const rendered = await renderPrompt({
    name: 'parallel-neighbours',
    variables: {
      before: describe(index - 1) ?? '(none: this section opens the document)',
      after: describe(index + 1) ?? '(none: this section closes the document)',
      facts: facts.length > 0 ? facts.map((fact) => `- ${fact}`).join('\n') : '- (none were fixed)',
    },
  });
  return rendered.prompt;
}
