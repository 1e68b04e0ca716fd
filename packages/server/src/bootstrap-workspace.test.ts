import { openMemoryStore } from '@allot/core';
import { expect, it } from 'vitest';
import { bootstrapWorkspace } from './bootstrap-workspace.js';

it('creates the first workspace and admin key once when replicas bootstrap at the same moment', async () => {
  const store = await openMemoryStore();
  // All of them read "no workspace yet" before any of them creates it.
  const outcomes = await Promise.all([1, 2, 3].map(() => bootstrapWorkspace(store)));
  const created = outcomes.filter((outcome) => outcome !== undefined);
  expect(created).toHaveLength(1);
  expect(await store.listWorkspaces()).toHaveLength(1);
  expect(await store.listApiKeys('default')).toHaveLength(1);
  expect(await bootstrapWorkspace(store)).toBeUndefined();
});
