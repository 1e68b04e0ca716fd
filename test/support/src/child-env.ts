/** The variables of allot and of the GitHub runner, which a child sees only when a test gives them. */
export const RUNNER_VARIABLES = /^(ALLOT|INPUT|STATE|GITHUB)_/;

/**
 * The parent's environment without the variables `hidden` matches, with
 * `extra` on top, so a child sees only what a test gives it.
 */
export function childEnv(
  extra: Record<string, string>,
  hidden: RegExp = RUNNER_VARIABLES,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!hidden.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}
