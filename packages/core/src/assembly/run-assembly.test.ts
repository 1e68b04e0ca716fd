import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../store/open-memory-store.js';
import { seedAssembly } from '../testing/assembly-fixture.js';
import { runAssembly } from './run-assembly.js';

const NOW = new Date('2030-01-01T00:00:00Z');

describe('runAssembly', () => {
  it('writes one record per combination and step, members matching the combination, a row error where none qualifies', async () => {
    const store = await openMemoryStore();
    const [workset] = await seedAssembly(store, {
      workspace: 'w',
      members: 9,
      worksets: ['a_workset'],
    });
    const progress: number[] = [];
    const outcome = await runAssembly(store, {
      workspace: 'w',
      project: '1',
      workset: workset!,
      assemblyId: 'x1',
      clock: () => NOW,
      onProgress: (done) => progress.push(done),
    });
    expect(outcome).toMatchObject({
      block: 'a_workset',
      version: '1.0',
      rowsToGenerate: 6,
      rowsGenerated: 6,
      rowsWithErrors: 2,
    });
    expect(outcome.errors.map((e) => [e.row, e.step, e.view])).toEqual([
      [5, 'subscriber', 'member_view'],
      [6, 'spouse', 'member_view'],
    ]);
    expect(outcome.errors[0]!.fields).toEqual(['member_id', 'first_name']);
    expect(progress.at(-1)).toBe(6);
    const block = await store.getBlock('w', 'a_workset');
    expect(block!.columns).toEqual([
      'record',
      'step',
      'record_type',
      'plan_type',
      'tier',
      'member_id',
      'first_name',
    ]);
    expect(block!.rows.map((r) => r.slice(0, 4))).toEqual([
      [1, 'subscriber', 'S', 'Retail'],
      [1, 'spouse', 'D', 'Retail'],
      [2, 'subscriber', 'S', 'Corporate'],
      [2, 'spouse', 'D', 'Corporate'],
      [3, 'subscriber', 'S', 'Vip'],
      [3, 'spouse', 'D', 'Vip'],
    ]);
    const ids = block!.rows.map((r) => r[5]).filter((id) => id !== null) as string[];
    expect(new Set(ids).size).toBe(4);
    // M3, M6, M9 are the Corporate members.
    expect(['M3', 'M6', 'M9']).toContain(block!.rows[2]![5]);
    expect(await store.listPools('w')).toEqual([]);
  });

  it('never hands the same member to two assemblies while their leases live', async () => {
    const store = await openMemoryStore();
    const worksets = await seedAssembly(store, {
      workspace: 'w',
      members: 6,
      worksets: ['a_workset', 'b_workset'],
      combos: [
        ['Retail', 'gold'],
        ['Retail', 'silver'],
      ],
    });
    const outcomes = await Promise.all(
      worksets.map((workset, i) =>
        runAssembly(store, {
          workspace: 'w',
          project: '1',
          workset,
          assemblyId: `x${i}`,
          clock: () => NOW,
        }),
      ),
    );
    const taken = await Promise.all(
      outcomes.map(async (o) => (await store.getBlock('w', o.block))!.rows.map((r) => r[5])),
    );
    // 4 Retail members for 2 × 2 × 2 records: the second assembly gets what the first left, then errors.
    const all = taken.flat().filter((id) => id !== null);
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(4);
    expect(outcomes.map((o) => o.rowsWithErrors).sort()).toEqual([0, 4]);
  });

  it('fills every record it can when a find has fewer rows than records, the rest are row errors', async () => {
    const store = await openMemoryStore();
    // Three Retail combinations × two steps: six records, and only four Retail members among six.
    const [workset] = await seedAssembly(store, {
      workspace: 'w',
      members: 6,
      worksets: ['a_workset'],
      combos: [
        ['Retail', 'gold'],
        ['Retail', 'silver'],
        ['Retail', 'bronze'],
      ],
    });
    const outcome = await runAssembly(store, {
      workspace: 'w',
      project: '1',
      workset: workset!,
      assemblyId: 'x',
      clock: () => NOW,
    });
    expect(outcome).toMatchObject({ rowsGenerated: 6, rowsWithErrors: 2 });
    expect(outcome.jobIds).toHaveLength(2);
    const ids = (await store.getBlock('w', 'a_workset'))!.rows
      .map((r) => r[5])
      .filter((id) => id !== null);
    expect(new Set(ids)).toEqual(new Set(['M1', 'M2', 'M4', 'M5']));
  });
});
