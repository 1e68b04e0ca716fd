import { writeFile } from 'node:fs/promises';
import { DEFAULT_WORKSPACE } from '@allot/core';
import { datasetsFromJob, EventLog, exportDatasets, type DatasetCaller } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { withStore } from '../with-store.js';

/** The CLI acts on the store it opens, as its operator: an admin of the default workspace. */
function cliCaller(): DatasetCaller {
  return {
    workspace: DEFAULT_WORKSPACE,
    actor: 'cli',
    user: 'cli',
    role: 'admin',
    ip: null,
    now: new Date(),
  };
}

/** `allot datasets from-job <job> --project <id>`. */
export async function datasetsFromJobAction(
  cli: CliContext,
  options: { job: number; project: number },
): Promise<void> {
  const outcome = await withStore(cli.store(), (store) =>
    datasetsFromJob(store, new EventLog(store), options, cliCaller()),
  );
  const added =
    outcome.variablesAdded.length === 0
      ? ''
      : `; variables added: ${outcome.variablesAdded.join(', ')}`;
  cli.io.stdout.write(
    `job ${outcome.job}: ${outcome.created.length} dataset(s) created, ${outcome.updated.length} updated in project ${options.project}${added}\n`,
  );
}

/** `allot datasets export --project <id> --format <format> [--out <file>]`. */
export async function exportDatasetsAction(
  cli: CliContext,
  options: { project: number; format: string; out?: string },
): Promise<void> {
  const file = await withStore(cli.store(), (store) =>
    exportDatasets(store, { project: options.project, format: options.format }, cliCaller()),
  );
  if (options.out === undefined) {
    cli.io.stdout.write(file.text);
    return;
  }
  await writeFile(options.out, file.text);
  cli.io.stdout.write(`wrote ${options.out}\n`);
}
