import type { CatalogueRecord } from '../catalogue/catalogue-record.js';
import type { Store } from '../store/store.js';
import { DATA_VIEW_KIND, SCENARIO_KIND, WORKSET_KIND } from '../assembly/assembly-records.js';

const T0 = new Date('2030-01-01T00:00:00Z');

/**
 * Seeds a store for assembly tests: `combos` (plan_type × tier, one Vip
 * combination no member has), `members` (`count` rows, every third
 * Corporate, the rest Retail), a primary view, a member view matching on
 * plan_type, a two-step scenario, and worksets named as asked.
 */
export async function seedAssembly(
  store: Store,
  options: { workspace: string; members: number; worksets: string[]; combos?: string[][] },
): Promise<CatalogueRecord[]> {
  const { workspace } = options;
  await store.addBlockVersion(workspace, {
    block: 'combos',
    columns: ['plan_type', 'tier'],
    keyColumn: null,
    rows: options.combos ?? [
      ['Retail', 'gold'],
      ['Corporate', 'gold'],
      ['Vip', 'gold'],
    ],
    origin: 'import',
  });
  await store.addBlockVersion(workspace, {
    block: 'members',
    columns: ['member_id', 'plan_type', 'first_name'],
    keyColumn: 'member_id',
    rows: Array.from({ length: options.members }, (_, i) => [
      `M${i + 1}`,
      i % 3 === 2 ? 'Corporate' : 'Retail',
      `name ${i + 1}`,
    ]),
    origin: 'import',
  });
  const put = (kind: string, name: string, body: unknown) =>
    store.putCatalogue(
      { kind, workspace, project: '1', name, body, actor: 'qa', keepId: true },
      T0,
    );
  await put(DATA_VIEW_KIND, 'combo_view', {});
  await put(DATA_VIEW_KIND, 'member_view', {
    columns: ['member_id', 'first_name'],
    match: { plan_type: 'plan_type' },
  });
  await put(SCENARIO_KIND, 'family', {
    steps: [
      { name: 'subscriber', recordType: 'S' },
      { name: 'spouse', recordType: 'D' },
    ],
  });
  const worksets: CatalogueRecord[] = [];
  for (const name of options.worksets) {
    worksets.push(
      await put(WORKSET_KIND, name, {
        scenario: { name: 'family', version: '1.0' },
        primary: {
          view: { name: 'combo_view', version: '1.0' },
          dataSet: { name: 'combos', version: '1.0.0' },
        },
        dataViews: [
          {
            view: { name: 'member_view', version: '1.0' },
            dataSet: { name: 'members', version: '1.0' },
          },
        ],
      }),
    );
  }
  return worksets;
}
