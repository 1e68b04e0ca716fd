import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '@allot/core';
import { describeBlocksContract } from './blocks-contract.js';
import { describeCatalogueContract } from './catalogue-contract.js';
import { describeCatalogueReferencesContract } from './catalogue-references-contract.js';
import { describeDatasetJournalContract } from './dataset-journal-contract.js';
import { describeDatasetsContract } from './datasets-contract.js';
import { describeEventsContract } from './events-contract.js';
import { describeJobsAndLeasesContract } from './jobs-and-leases-contract.js';
import { describeLifecycleContract, type OpenTwin } from './lifecycle-contract.js';
import { describePoolsContract } from './pools-contract.js';
import { describeProjectJournalContract } from './project-journal-contract.js';
import { describeProjectsContract } from './projects-contract.js';
import { describeTenancyContract } from './tenancy-contract.js';
import { describeWorkspaceNumbering } from './workspace-numbering.js';

/** Opens a fresh, empty store; `close` is called after each test. */
export type OpenStore = () => Promise<Store>;

/**
 * Opens a second instance on the storage of a store `OpenStore` opened, for
 * an adapter several processes share (PostgreSQL); the case closes it.
 */
export type OpenTwinOf = (store: Store) => Promise<Store>;

/**
 * Registers the contract every adapter passes, one part per slice of the
 * Store (blocks, pools, jobs and leases, tenancy,
 * projects, events and notifications, catalogue and references between its records, datasets and their
 * events, made rows and quotas), each case on a
 * fresh store, then the ids that count per workspace across slices.
 */
export function describeStoreContract(name: string, open: OpenStore, openTwin?: OpenTwinOf): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describeBlocksContract(() => store);
    describePoolsContract(() => store);
    describeJobsAndLeasesContract(() => store);
    describeTenancyContract(() => store);
    describeProjectsContract(() => store);
    describeProjectJournalContract(() => store);
    describeEventsContract(() => store);
    describeCatalogueContract(() => store);
    describeCatalogueReferencesContract(() => store);
    describeDatasetsContract(() => store);
    describeDatasetJournalContract(() => store);
    const twin: OpenTwin | undefined = openTwin === undefined ? undefined : () => openTwin(store);
    describeLifecycleContract(() => store, twin);
    describeWorkspaceNumbering(() => store);
  });
}
