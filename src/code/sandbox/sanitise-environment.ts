/**
 * Variables passed through to generated code: what programs need to run, nothing that grants
 * access. This list is the only way in: a test fails if a name that looks like a credential is
 * ever added to it.
 */
export const passedVariables = ['PATH', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'SYSTEMROOT'] as const;

/**
 * The environment generated code runs with. Built from an allow-list rather than by removing
 * known secrets, so `OPENAI_API_KEY`, cloud credentials, tokens and `NODE_OPTIONS` (which could
 * preload code) never reach it; HOME and the temporary folder point to the sandbox's scratch
 * folder, colour is off so the output parses. Pure.
 */
export function sanitiseEnvironment({
  env,
  home,
}: {
  env: Record<string, string | undefined>;
  /** The scratch folder, the only place generated code may write. */
  home: string;
}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if ((passedVariables as readonly string[]).includes(name.toUpperCase())) result[name] = value;
  }
  return {
    ...result,
    HOME: home,
    USERPROFILE: home,
    TMPDIR: home,
    TMP: home,
    TEMP: home,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}
