import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/**
 * The roles a key can have, weakest first: core's `ROLES`, written out so
 * that the help needs no core (a test keeps the two lists equal).
 */
export const KEY_ROLES = ['viewer', 'tester', 'manager', 'admin'] as const;

/** The options of `allot keys create`. */
export interface CreateKeyOptions {
  role: (typeof KEY_ROLES)[number];
  name: string;
  workspace?: string;
}

/**
 * `allot keys create`: a new API key, straight in the store. For anyone who
 * can open the store (its data directory or its database URL), and so the
 * way back in when the only admin key is lost.
 */
export function registerKeys(program: Command, cli: CliContext): void {
  const keys = program
    .command('keys')
    .description('manage API keys directly in the store (the server has /api/v1/keys)');
  keys
    .command('create')
    .description(
      'create an API key in the store and print it once (how to recover a lost admin key)',
    )
    .addOption(
      new Option('--role <role>', 'what the key may do').choices(KEY_ROLES).makeOptionMandatory(),
    )
    .option('--name <name>', 'a name that says whose key it is', 'created with allot keys create')
    .option('--workspace <id>', 'the workspace of the key (default: the default workspace)')
    .action(async (options: CreateKeyOptions) => {
      const { createKeyAction } = await import('./create-key-action.js');
      await createKeyAction(cli, options);
    });
}
