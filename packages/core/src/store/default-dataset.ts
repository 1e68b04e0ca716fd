import { DEFAULT_DATASET_NAME, type DatasetRecord } from '../datasets/dataset-record.js';
import { draftWorkspace } from './draft-workspace.js';
import { setOwnEntry } from './own-entry.js';
import type { StoreDocument } from './store-document.js';

/**
 * Gives a project of a draft document its `Default` dataset, numbered by
 * its workspace's dataset counter: written with the project's create (and
 * by the upgrade of a document whose projects predate that), never by a read.
 */
export function addDefaultDatasetToDraft(
  draft: StoreDocument,
  workspace: string,
  project: number,
): DatasetRecord {
  const copy = draftWorkspace(draft, workspace, 'datasets');
  const stored: DatasetRecord = {
    id: (copy.lastIds.dataset ?? 0) + 1,
    workspace,
    project,
    name: DEFAULT_DATASET_NAME,
    isDefault: true,
    values: {},
  };
  copy.datasets ??= {};
  setOwnEntry(copy.datasets, String(stored.id), stored);
  copy.lastIds = { ...copy.lastIds, dataset: stored.id };
  return stored;
}
