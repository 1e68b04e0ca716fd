import * as core from '@actions/core';
import { toResultsFile, writeResultsFile } from '@allot/client';
import { isPostgresUrl } from '@allot/store-postgres';
import { parseInputs, type ActionInputs } from './inputs.js';
import { logOutcome } from './log-outcome.js';
import { maskSecrets } from './mask-secrets.js';
import type { HeldJob, Outcome, ReleaseTarget } from './outcome.js';
import { runEmbedded } from './run-embedded.js';
import { runOnServer } from './run-on-server.js';
import { saveReleaseState } from './state.js';
import { writeSummary } from './write-summary.js';

/** The variable later steps (and the test framework integrations) read the results file's path from. */
export const RESULTS_FILE_VARIABLE = 'ALLOT_RESULTS_FILE';
/** Failures and missing tests named in the failure message; the summary lists them all. */
const NAMED = 5;

/**
 * The action's main step: runs one allocation job for the suite, writes the
 * results file, sets the outputs and the job summary, and leaves the job's
 * id for the post step. Any error fails the step with its message.
 */
export async function run(): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name), workspaceDirectory());
    maskCredentials(inputs);
    // Saved as soon as a job is known, so the post step can release it whatever fails later.
    const remember = (job: HeldJob) =>
      saveReleaseState(targetOf(inputs, job.jobId), job, inputs.release);
    const outcome =
      inputs.mode.kind === 'server'
        ? await runOnServer(inputs, inputs.mode, remember)
        : await runEmbedded(inputs, inputs.mode.store, remember);
    const { report } = outcome;
    if (report !== null) {
      maskSecrets(report);
      await writeResultsFile(inputs.resultsFile, toResultsFile(report));
      core.exportVariable(RESULTS_FILE_VARIABLE, inputs.resultsFile);
    }
    setOutputs(outcome, report === null ? '' : inputs.resultsFile);
    logOutcome(outcome);
    await writeSummary(outcome, report === null ? null : inputs.resultsFile).catch(
      (error: unknown) =>
        core.warning(`the job summary could not be written: ${(error as Error).message}`),
    );
    const problems = failures(outcome, inputs);
    if (problems.length > 0) core.setFailed(problems.join('\n'));
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Where relative paths start: the checkout (`GITHUB_WORKSPACE`) on a runner,
 * whatever directory the step was started in; the working directory elsewhere.
 */
function workspaceDirectory(): string {
  return process.env['GITHUB_WORKSPACE'] || process.cwd();
}

/** The API key, and the password of a database URL, never show in the log. */
function maskCredentials(inputs: ActionInputs): void {
  if (inputs.mode.kind === 'server') core.setSecret(inputs.mode.apiKey);
  else if (isPostgresUrl(inputs.mode.store)) {
    const password = new URL(inputs.mode.store).password;
    if (password !== '') core.setSecret(decodeURIComponent(password));
  }
}

function targetOf(inputs: ActionInputs, jobId: number): ReleaseTarget {
  return inputs.mode.kind === 'server'
    ? { kind: 'server', url: inputs.mode.url, jobId }
    : { kind: 'embedded', store: inputs.mode.store, jobId };
}

function setOutputs(outcome: Outcome, resultsFile: string): void {
  const { report, missing } = outcome;
  core.setOutput('job-id', report === null ? '' : String(report.jobId));
  core.setOutput('allocated', String(report?.allocated ?? 0));
  core.setOutput('made', String(report?.made ?? 0));
  core.setOutput('reused', String(report?.reused ?? 0));
  core.setOutput('failed', String(report?.failed ?? 0));
  core.setOutput('missing', String(missing.length));
  core.setOutput('results-file', resultsFile);
}

/** Why the step fails even though the job ran, if it does. */
function failures(outcome: Outcome, inputs: ActionInputs): string[] {
  const problems: string[] = [];
  const failed = outcome.report?.tests.filter((t) => t.status === 'failed') ?? [];
  if (failed.length > 0 && inputs.failOnFailure) {
    const named = failed
      .slice(0, NAMED)
      .map((t) => `  ${t.pool} / ${t.suite} / ${t.test}: ${t.reason ?? 'no reason given'}`);
    problems.push(
      `${failed.length} tests got no data (fail-on-failure: false lets the step pass):`,
      ...named,
      ...(failed.length > NAMED
        ? [`  … and ${failed.length - NAMED} more: see the job summary`]
        : []),
    );
  }
  const { missing } = outcome;
  if (missing.length > 0 && inputs.failOnMissing) {
    const named = missing
      .slice(0, NAMED)
      .map((t) => `  ${t.pool ?? '(any pool)'} / ${t.suite} / ${t.test} (${t.source})`);
    problems.push(
      `${missing.length} tests are not defined in any pool file (fail-on-missing: true):`,
      ...named,
      ...(missing.length > NAMED
        ? [`  … and ${missing.length - NAMED} more: see the job summary`]
        : []),
    );
  }
  return problems;
}
