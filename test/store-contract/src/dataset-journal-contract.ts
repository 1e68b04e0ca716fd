import { beforeEach, describe, expect, it } from 'vitest';
import type {
  DatasetFill,
  DatasetFillResult,
  DatasetJournal,
  DatasetRecord,
  DatasetStore,
  EventRecord,
  EventStore,
  ProjectStore,
  VariableJournal,
  VariableRecord,
} from '@allot/core';
import { T0, WS } from './contract-fixtures.js';

/** A journal recording `kind`, remembering what the store told it. */
function journal(kind: string, told: EventRecord[] = []): DatasetJournal {
  return {
    event: (d: DatasetRecord) => ({
      workspace: d.workspace,
      kind,
      actor: 'user:ann',
      ip: '10.0.0.1',
      project: d.project,
      subject: `dataset:${d.id}`,
      at: T0.toISOString(),
      details: { name: d.name },
    }),
    recorded: (event) => told.push(event),
  };
}

/** A journal of a variable write recording `kind`, remembering what the store told it. */
function variableJournal(kind: string, told: EventRecord[] = []): VariableJournal {
  return {
    event: (v: VariableRecord) => ({
      workspace: v.workspace,
      kind,
      actor: 'user:ann',
      ip: null,
      project: v.project,
      subject: `variable:${v.id}`,
      at: T0.toISOString(),
      details: { name: v.name },
    }),
    recorded: (event) => told.push(event),
  };
}

/** A journal whose event cannot be written: the write it goes with must not happen either. */
const failing: DatasetJournal & VariableJournal = {
  event: () => {
    throw new Error('the event could not be written');
  },
};

/**
 * A dataset or variable write and its event are one atomic write: both
 * are kept, or neither, on every adapter.
 */
export function describeDatasetJournalContract(
  current: () => DatasetStore & ProjectStore & EventStore,
): void {
  describe('dataset writes with their events', () => {
    let store: DatasetStore & ProjectStore & EventStore;
    let project: number;
    const events = async () =>
      (await store.listEvents({ workspace: WS, page: { limit: 50, offset: 0 } })).map((e) => [
        e.kind,
        e.subject,
        e.details,
      ]);
    const datasets = () => store.listDatasets(WS, project, { limit: 50, offset: 0 });
    beforeEach(async () => {
      store = current();
      project = (
        await store.createProject({
          workspace: WS,
          name: 'checkout',
          version: '1.0',
          description: '',
          tags: [],
          members: [],
          createdBy: 'k1',
          createdAt: T0.toISOString(),
          updatedAt: T0.toISOString(),
        })
      ).id;
    });

    it('writes each change with its event, and tells the journal the stored event', async () => {
      const told: EventRecord[] = [];
      const added = await store.addDataset(
        { workspace: WS, project, name: 'a', values: {} },
        journal('dataset.created', told),
      );
      await store.updateDataset(WS, added.id, { name: 'b' }, journal('dataset.updated', told));
      expect(await store.deleteDataset(WS, added.id, journal('dataset.deleted', told))).toBe(true);
      expect(await store.deleteDataset(WS, added.id, journal('dataset.deleted', told))).toBe(false);
      const subject = `dataset:${added.id}`;
      expect(await events()).toEqual([
        ['dataset.deleted', subject, { name: 'b' }],
        ['dataset.updated', subject, { name: 'b' }],
        ['dataset.created', subject, { name: 'a' }],
      ]);
      expect(told.map((e) => [e.kind, e.project])).toEqual([
        ['dataset.created', project],
        ['dataset.updated', project],
        ['dataset.deleted', project],
      ]);
      const stored = await store.listEvents({ workspace: WS, page: { limit: 50, offset: 0 } });
      expect([...told].reverse()).toEqual(stored);
    });

    it('keeps no add, change or delete whose event cannot be written', async () => {
      const before = await datasets();
      await expect(
        store.addDataset({ workspace: WS, project, name: 'a', values: {} }, failing),
      ).rejects.toThrow();
      expect(await datasets()).toEqual(before);

      const kept = await store.addDataset({ workspace: WS, project, name: 'kept', values: {} });
      // The refused add used no number: the next dataset takes the one it would have had.
      expect(kept.id).toBe(before.length + 1);
      const withKept = await datasets();
      await expect(
        store.updateDataset(WS, kept.id, { name: 'renamed' }, failing),
      ).rejects.toThrow();
      await expect(store.deleteDataset(WS, kept.id, failing)).rejects.toThrow();
      expect(await datasets()).toEqual(withKept);
      expect(await events()).toEqual([]);
    });

    it('writes each variable change with its event, and none whose event cannot be written', async () => {
      const told: EventRecord[] = [];
      const added = await store.addVariable(
        WS,
        project,
        'age',
        variableJournal('variable.created', told),
      );
      await store.renameVariable(WS, added.id, 'years', variableJournal('variable.updated', told));
      expect(
        await store.deleteVariable(WS, added.id, variableJournal('variable.deleted', told)),
      ).toBe(true);
      expect(
        await store.deleteVariable(WS, added.id, variableJournal('variable.deleted', told)),
      ).toBe(false);
      const subject = `variable:${added.id}`;
      expect(await events()).toEqual([
        ['variable.deleted', subject, { name: 'years' }],
        ['variable.updated', subject, { name: 'years' }],
        ['variable.created', subject, { name: 'age' }],
      ]);
      const stored = await store.listEvents({ workspace: WS, page: { limit: 50, offset: 0 } });
      expect([...told].reverse()).toEqual(stored);

      await expect(store.addVariable(WS, project, 'refused', failing)).rejects.toThrow();
      expect(await store.listVariables(WS, project)).toEqual([]);
      const kept = await store.addVariable(WS, project, 'kept');
      const dataset = await store.addDataset({
        workspace: WS,
        project,
        name: 'd',
        values: { [kept.id]: 'x' },
      });
      await expect(store.renameVariable(WS, kept.id, 'renamed', failing)).rejects.toThrow();
      await expect(store.deleteVariable(WS, kept.id, failing)).rejects.toThrow();
      expect(await store.listVariables(WS, project)).toEqual([kept]);
      expect((await store.getDataset(WS, dataset.id))?.values).toEqual({ [kept.id]: 'x' });
      expect(await events()).toHaveLength(3);
    });

    it('fills datasets by name (variables added, datasets added or updated) with its event, or writes nothing', async () => {
      const existing = await store.addVariable(WS, project, 'status');
      const kept = await store.addDataset({
        workspace: WS,
        project,
        name: 'old',
        values: { [existing.id]: 'x' },
      });
      const fillEvent = (f: DatasetFillResult) => ({
        workspace: WS,
        kind: 'datasets.from-job',
        actor: 'user:ann',
        ip: null,
        project: f.project,
        subject: 'job:1',
        at: T0.toISOString(),
        details: { created: f.created.length, updated: f.updated.length },
      });
      const fill: DatasetFill = {
        workspace: WS,
        project,
        datasets: [
          { name: 'old', values: { status: 'locked' } },
          { name: 'new', values: { status: 'active', email: 'a@example.test' } },
        ],
      };
      const before = {
        variables: await store.listVariables(WS, project),
        datasets: await datasets(),
      };
      await expect(
        store.fillDatasets(fill, {
          event: () => {
            throw new Error('the event could not be written');
          },
        }),
      ).rejects.toThrow();
      expect(await store.listVariables(WS, project)).toEqual(before.variables);
      expect(await datasets()).toEqual(before.datasets);
      expect(await events()).toEqual([]);

      const told: EventRecord[] = [];
      const result = await store.fillDatasets(fill, {
        event: fillEvent,
        recorded: (event) => told.push(event),
      });
      // The refused fill used no number.
      expect(result).toEqual({
        workspace: WS,
        project,
        created: [kept.id + 1],
        updated: [kept.id],
        variablesAdded: ['email'],
      });
      const email = (await store.listVariables(WS, project)).find((v) => v.name === 'email');
      expect(email?.id).toBe(existing.id + 1);
      expect((await store.getDataset(WS, kept.id))?.values).toEqual({ [existing.id]: 'locked' });
      expect((await store.getDataset(WS, kept.id + 1))?.values).toEqual({
        [existing.id]: 'active',
        [String(email?.id)]: 'a@example.test',
      });
      expect(await events()).toEqual([['datasets.from-job', 'job:1', { created: 1, updated: 1 }]]);
      expect(told.map((e) => e.kind)).toEqual(['datasets.from-job']);
    });
  });
}
