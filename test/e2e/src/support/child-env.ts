/**
 * The parent's environment without its ALLOT_*, INPUT_*, STATE_* and
 * GITHUB_* variables, so a child sees only what a test gives it.
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(ALLOT|INPUT|STATE|GITHUB)_/.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}
