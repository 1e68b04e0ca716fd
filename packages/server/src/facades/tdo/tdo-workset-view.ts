import type { CatalogueRecord, WorksetBody } from '@allot/core';

/** A workset as TDO answers it: its id, name, version, parts, and its lock in TDO's three fields. */
export function tdoWorksetView(record: CatalogueRecord): Record<string, unknown> {
  const body = record.body as WorksetBody;
  return {
    id: record.id,
    name: record.name,
    version: record.version,
    scenario: body.scenario,
    primary: body.primary,
    dataViews: body.dataViews,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    updatedBy: record.updatedBy,
    updatedAt: record.updatedAt,
    lockedBy: record.lock?.holder ?? null,
    lockDateTime: record.lock?.since ?? null,
    // TDO's "no lock" is -1; a lock with no timeout lasts until unlocked, which TDO writes as 0.
    lockTimeout: record.lock === null ? -1 : (record.lock.timeoutSeconds ?? 0),
  };
}
