import { DEFAULT_WORKSPACE } from '@allot/core';
import { ensureWorkspace, recordAudit } from '@allot/use-cases';
import type { CliContext } from '../cli-context.js';
import { CommandFailure } from '../exit-codes.js';
import { withStore } from '../with-store.js';
import type { CreateKeyOptions } from './keys.js';

/**
 * `allot keys create`: stores a new key and prints it on stdout, alone, so
 * that `KEY=$(allot keys create --role admin)` works; what it is goes to
 * stderr. The default workspace is created when the store has none yet, as
 * the server would on its first start.
 */
export async function createKeyAction(cli: CliContext, options: CreateKeyOptions): Promise<void> {
  // The key format and its hash belong to the server, which checks them.
  const { createApiKey } = await import('@allot/server');
  const workspace = options.workspace ?? DEFAULT_WORKSPACE;
  const { name } = options;
  const created = await withStore(cli.store(), async (store) => {
    const now = new Date();
    const check = await ensureWorkspace(store, workspace, now);
    if (check.kind === 'missing') {
      throw new CommandFailure(
        `workspace "${workspace}" does not exist (workspaces: ${check.known.join(', ') || 'none yet'})`,
      );
    }
    const key = await createApiKey(store, { workspace, name, role: options.role, now });
    await recordAudit(store, {
      workspace,
      at: now.toISOString(),
      actor: 'allot keys create',
      action: 'key.create',
      target: `key:${key.record.id}`,
      details: { name, role: options.role },
    });
    return key;
  });
  cli.io.stderr.write(
    `allot: created ${options.role} key ${created.record.id} ("${name}") in workspace "${workspace}"; it is shown only this once:\n`,
  );
  cli.io.stdout.write(`${created.key}\n`);
}
