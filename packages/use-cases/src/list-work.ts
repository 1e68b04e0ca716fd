import type {
  JobRecord,
  JobStateRecord,
  JobStore,
  Page,
  QueuedJob,
  QueuedJobFilter,
  WorkQueue,
} from '@allot/core';
import { ALLOCATION_WORK_KIND, allocationWorkItem } from './allocation-work-item.js';

/** A page of the work view; `total` is null when counting it would mean reading every job. */
export interface WorkPage {
  items: QueuedJob[];
  more: boolean;
  total: number | null;
}

/** How many records each source is read at a time while filtering allocation jobs. */
const BATCH = 200;

/**
 * The work of a workspace in one list, newest first: the queue's jobs
 * (webhook deliveries, dataset generation, …) and allocation jobs (kind
 * `allocation`) in one shape, filtered by state and kind, paged across
 * both. Allocation jobs come from their states while they are kept and from
 * the committed jobs after, so a job whose state was pruned still shows.
 */
export async function listWork(
  store: JobStore,
  queue: WorkQueue,
  workspace: string,
  filter: QueuedJobFilter,
  page: Page,
  now: Date,
): Promise<WorkPage> {
  // Newest first across both sources: the first offset + limit + 1 of each are enough to know
  // the page and whether another follows.
  const wanted = page.offset + page.limit + 1;
  const queueWanted = filter.kind !== ALLOCATION_WORK_KIND;
  const allocationWanted = filter.kind === undefined || filter.kind === ALLOCATION_WORK_KIND;
  const queued = queueWanted
    ? await queue.list(workspace, filter, { limit: wanted, offset: 0 })
    : { jobs: [], total: 0 };
  const allocation: QueuedJob[] = [];
  let exhausted = true;
  if (allocationWanted) {
    for await (const item of allocationItems(store, workspace, now)) {
      if (filter.state !== undefined && item.state !== filter.state) continue;
      if (allocation.length === wanted) {
        exhausted = false;
        break;
      }
      allocation.push(item);
    }
  }
  const merged = [...queued.jobs, ...allocation].sort(newestFirst);
  return {
    items: merged.slice(page.offset, page.offset + page.limit),
    more: merged.length > page.offset + page.limit,
    total: exhausted ? queued.total + allocation.length : null,
  };
}

/**
 * One entry of the work view by id: an allocation job for a number, a
 * queued job for anything else (their ids are UUIDs); undefined when the
 * workspace has none.
 */
export async function readWork(
  store: JobStore,
  queue: WorkQueue,
  workspace: string,
  id: string,
  now: Date,
): Promise<QueuedJob | undefined> {
  if (!/^\d{1,15}$/.test(id)) return queue.get(workspace, id);
  const jobId = Number(id);
  const state = await store.getJobState(workspace, jobId);
  const record = await recordOf(store, workspace, jobId, state);
  if (state === undefined && record === undefined) return undefined;
  return allocationWorkItem(state, record, now);
}

function newestFirst(a: QueuedJob, b: QueuedJob): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The committed job that answered a job: itself, or the earlier job of its bundle. */
async function recordOf(
  store: JobStore,
  workspace: string,
  id: number,
  state: JobStateRecord | undefined,
  committed?: JobRecord,
): Promise<JobRecord | undefined> {
  // A job that ended in error committed nothing.
  if (state?.phase === 'error') return undefined;
  const answeredBy = state?.answeredBy ?? id;
  if (committed !== undefined && committed.id === answeredBy) return committed;
  return store.getJob(workspace, answeredBy);
}

/** A workspace's allocation jobs, newest (highest id) first: states and committed jobs merged by id. */
async function* allocationItems(
  store: JobStore,
  workspace: string,
  now: Date,
): AsyncGenerator<QueuedJob> {
  const states = descending((page) => store.listJobStates(workspace, page));
  const jobs = descending((page) => store.listJobs(workspace, page));
  let state = await states.next();
  let job = await jobs.next();
  while (!state.done || !job.done) {
    const stateId = state.done ? -1 : state.value.id;
    const jobId = job.done ? -1 : job.value.id;
    const id = Math.max(stateId, jobId);
    const current = stateId === id && !state.done ? state.value : undefined;
    const committed = jobId === id && !job.done ? job.value : undefined;
    const record =
      current === undefined ? committed : await recordOf(store, workspace, id, current, committed);
    yield allocationWorkItem(current, record, now);
    if (current !== undefined) state = await states.next();
    if (committed !== undefined) job = await jobs.next();
  }
}

async function* descending<T>(read: (page: Page) => Promise<T[]>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += BATCH) {
    const batch = await read({ limit: BATCH, offset });
    yield* batch;
    if (batch.length < BATCH) return;
  }
}
