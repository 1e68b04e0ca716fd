import { executeJob } from '../engine/execute-job.js';
import { AllotError } from '../errors.js';
import type { CatalogueRecord } from '../catalogue/catalogue-record.js';
import type { BlockVersionMeta, RowValues } from '../model/block-version.js';
import type { TestRef } from '../model/job-record.js';
import type { Store } from '../store/store.js';
import { assembleRecords, type AssemblyRowError, type ViewFill } from './assemble-records.js';
import {
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  type BoundView,
  type DataViewBody,
  type NamedVersion,
  type ScenarioBody,
  type WorksetBody,
} from './assembly-records.js';
import {
  assemblyGroups,
  assemblyPool,
  primaryRecords,
  type AssemblyGroup,
  type LoadedView,
  type RecordSlot,
} from './plan-assembly.js';
import type { JobReport } from '../engine/job-report.js';

/** A primary data set that is not a data block (a calculated coverage): its columns and rows. */
export interface PrimaryDataSet {
  name: string;
  version: string;
  columns: string[];
  rows: RowValues[];
}

/** What {@link runAssembly} is asked to do. */
export interface RunAssemblyOptions {
  workspace: string;
  /** The catalogue project key the workset and its scenario and views live in. */
  project: string | null;
  /** The workset version to assemble. */
  workset: CatalogueRecord;
  /** Unique to this assembly: names its allocation pools. */
  assemblyId: string;
  /** How long the rows stay leased to the assembly. */
  ttlSeconds?: number;
  clock?: () => Date;
  /**
   * Reads the primary data set when it is not a data block (a coverage
   * set's calculated coverage); undefined: it is a data block.
   */
  primaryDataSet?: (dataSet: NamedVersion) => Promise<PrimaryDataSet | undefined>;
  /** Rows generated so far of the rows to generate. */
  onProgress?: (done: number, total: number, message: string) => void;
}

/** What an assembly produced. */
export interface AssemblyOutcome {
  /** The data block version written: named by the workset. */
  block: string;
  version: string;
  /** The allocation job holding the rows the records drew, null when no view draws any. */
  jobId: number | null;
  /** Every allocation job of the assembly: a second one when some records were asked for one by one. */
  jobIds: number[];
  rowsToGenerate: number;
  rowsGenerated: number;
  rowsWithErrors: number;
  errors: AssemblyRowError[];
}

/**
 * Assembles a workset version: one record per record of the primary view
 * and step of the scenario, fields drawn from the further views, every
 * drawn row allocated through the engine (distinct, leased to the
 * assembly, so two assemblies never hand out the same row), and writes
 * the records as the next version of the data block named by the workset.
 * A record whose view found no row is a row error, not a failure.
 *
 * @throws AllotError `NOT_FOUND` for a scenario, view or data set the workset names and the project lacks.
 */
export async function runAssembly(
  store: Store,
  options: RunAssemblyOptions,
): Promise<AssemblyOutcome> {
  const clock = options.clock ?? (() => new Date());
  const progress = options.onProgress ?? (() => undefined);
  const body = options.workset.body as WorksetBody;
  const scenario = (await catalogueBody(
    store,
    options,
    SCENARIO_KIND,
    body.scenario,
  )) as ScenarioBody;
  const coverage = await options.primaryDataSet?.(body.primary.dataSet);
  const primaryView =
    coverage === undefined
      ? await loadView(store, options, body.primary)
      : {
          name: body.primary.view.name,
          version: body.primary.view.version,
          body: (await catalogueBody(
            store,
            options,
            DATA_VIEW_KIND,
            body.primary.view,
          )) as DataViewBody,
          block: coverage.name,
          blockVersion: coverage.version,
          columns: coverage.columns,
        };
  const views = await Promise.all(body.dataViews.map((bound) => loadView(store, options, bound)));
  const primaryRows =
    coverage?.rows ??
    (await store.getBlock(options.workspace, primaryView.block, primaryView.blockVersion))?.rows ??
    [];
  const primary = primaryRecords(primaryView, primaryRows);
  const total = primary.rows.length * scenario.steps.length;
  progress(0, total, 'allocating rows');
  const groups = assemblyGroups({ primary, views, steps: scenario.steps });
  const fills = new Map<number, ViewFill>();
  // A number per slot, not a joined string: a string key per record was a good part of the assembly's time.
  const stepIndex = new Map(scenario.steps.map((step, i) => [step.name, i]));
  const slotKey = (slot: RecordSlot) =>
    (slot.record * scenario.steps.length + (stepIndex.get(slot.step) ?? 0)) * views.length +
    slot.view;
  const run: AllocationRun = { store, options, clock, views };
  // One test per group first: few tests, so the engine's work stays small.
  const first = await allocate(
    run,
    `assembly.${options.assemblyId}`,
    groups.map((group, index) => ({ index, group })),
    false,
  );
  const short: Array<{ index: number; group: AssemblyGroup }> = [];
  for (const outcome of first?.tests ?? []) {
    const index = Number(outcome.test);
    const group = groups[index]!;
    if (outcome.values.length < group.slots.length) {
      short.push({ index, group });
      continue;
    }
    group.slots.forEach((slot, i) => fills.set(slotKey(slot), { values: outcome.values[i]! }));
  }
  // A group short of rows is all or nothing to the engine: its records then ask one by one,
  // so each gets a row while any is left and only the rest are row errors.
  const second = await allocate(run, `assembly.${options.assemblyId}.r`, short, true);
  for (const outcome of second?.tests ?? []) {
    const [index, slot] = outcome.test.split('.').map(Number);
    const target = groups[index!]!.slots[slot!]!;
    fills.set(
      slotKey(target),
      outcome.values[0] !== undefined
        ? { values: outcome.values[0] }
        : { reason: outcome.reason ?? `no row qualifies (${outcome.status})` },
    );
  }
  const jobId = first?.jobId ?? null;
  const assembled = assembleRecords({
    primary,
    views,
    steps: scenario.steps,
    fill: (view, step, record) => fills.get(slotKey({ view, step, record })),
    onRecord: (done) => {
      if (done % 1000 === 0) progress(done, total, 'assembling records');
    },
  });
  const meta = await store.addBlockVersion(options.workspace, {
    block: options.workset.name,
    columns: assembled.columns,
    keyColumn: null,
    rows: assembled.rows,
    // A fresh version, not rows appended to the last assembly's: each assembly is whole.
    origin: 'import',
    jobId,
  });
  progress(total, total, 'done');
  return {
    block: meta.block,
    version: meta.version,
    jobId,
    jobIds: [first?.jobId, second?.jobId].filter((id): id is number => typeof id === 'number'),
    rowsToGenerate: total,
    rowsGenerated: assembled.rows.length,
    rowsWithErrors: new Set(assembled.errors.map((e) => e.row)).size,
    errors: assembled.errors,
  };
}

/** What every allocation of one assembly shares. */
interface AllocationRun {
  store: Store;
  options: RunAssemblyOptions;
  clock: () => Date;
  views: readonly LoadedView[];
}

/**
 * Allocates the rows of some groups in one job through the engine: one pool
 * per view (its key), put for the job and deleted after it; the job's
 * leases hold the rows. Undefined when there is nothing to allocate.
 */
async function allocate(
  run: AllocationRun,
  prefix: string,
  groups: ReadonlyArray<{ index: number; group: AssemblyGroup }>,
  perRecord: boolean,
): Promise<JobReport | undefined> {
  if (groups.length === 0) return undefined;
  const { store, options } = run;
  const pools = run.views.flatMap((view, v) => {
    const mine = groups.filter(({ group }) => group.view === v);
    return mine.length === 0
      ? []
      : [assemblyPool({ name: `${prefix}.${v + 1}`, view, groups: mine, perRecord })];
  });
  try {
    const refs: TestRef[] = [];
    for (const pool of pools) {
      await store.putPool(options.workspace, pool);
      for (const test of pool.tests)
        refs.push({ pool: pool.name, suite: test.suite, test: test.test });
    }
    return await executeJob(store, {
      workspace: options.workspace,
      tests: refs,
      refresh: true,
      clock: run.clock,
      ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
    });
  } finally {
    for (const pool of pools) await store.deletePool(options.workspace, pool.name);
  }
}

async function catalogueBody(
  store: Store,
  options: RunAssemblyOptions,
  kind: string,
  ref: NamedVersion,
): Promise<unknown> {
  const record = await store.getCatalogueByName(
    { kind, workspace: options.workspace, project: options.project, name: ref.name },
    ref.version,
  );
  if (record === undefined)
    throw new AllotError(
      'NOT_FOUND',
      `${kind} "${ref.name}" ${ref.version} does not exist in the project`,
    );
  return record.body;
}

async function loadView(
  store: Store,
  options: RunAssemblyOptions,
  bound: BoundView,
): Promise<LoadedView> {
  const body = (await catalogueBody(store, options, DATA_VIEW_KIND, bound.view)) as DataViewBody;
  const meta = await dataSetVersion(store, options.workspace, bound.dataSet);
  return {
    name: bound.view.name,
    version: bound.view.version,
    body,
    block: meta.block,
    blockVersion: meta.version,
    columns: meta.columns,
  };
}

/**
 * The data block version a data set names. TDO writes data set versions in
 * three parts (`1.0.0`) where blocks number in two: `1.0.0` finds `1.0`.
 */
export async function dataSetVersion(
  store: Store,
  workspace: string,
  dataSet: NamedVersion,
): Promise<BlockVersionMeta> {
  const versions = await store.listBlockVersions(workspace, dataSet.name);
  const wanted = [dataSet.version, dataSet.version.replace(/^(\d+\.\d+)\.0$/, '$1')];
  const meta = versions.find((v) => wanted.includes(v.version));
  if (meta === undefined)
    throw new AllotError(
      'NOT_FOUND',
      `data set "${dataSet.name}" ${dataSet.version} does not exist` +
        (versions.length === 0 ? '' : ` (versions: ${versions.map((v) => v.version).join(', ')})`),
    );
  return meta;
}
