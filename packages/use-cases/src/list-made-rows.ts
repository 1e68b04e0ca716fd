import type { LifecycleStore, MadeRowFilter, MadeRowRecord, Page } from '@allot/core';

/** Made rows of a workspace with a lifecycle, newest first: `state: 'failed'` lists failed teardowns. */
export function listMadeRows(
  store: Pick<LifecycleStore, 'listMadeRows'>,
  workspace: string,
  filter: MadeRowFilter,
  page: Page,
): Promise<MadeRowRecord[]> {
  return store.listMadeRows(workspace, filter, page);
}
