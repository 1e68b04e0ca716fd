/**
 * The `{{run.namespace}}` of a job run in GitHub Actions: one per workflow
 * run attempt (`<run id>-<attempt>`), so made rows name the run that made
 * them. Undefined outside GitHub Actions. Both `allot run` and the GitHub
 * Action's embedded mode use it.
 */
export function githubRunNamespace(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const runId = env['GITHUB_RUN_ID'];
  if (runId === undefined || runId === '') return undefined;
  return `${runId}-${env['GITHUB_RUN_ATTEMPT'] || '1'}`;
}
