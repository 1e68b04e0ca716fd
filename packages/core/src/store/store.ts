import type { BlockStore } from './block-store.js';
import type { CatalogueStore } from './catalogue-store.js';
import type { DatasetStore } from './dataset-store.js';
import type { EventStore } from './event-store.js';
import type { JobStore } from './job-store.js';
import type { LifecycleStore } from './lifecycle-store.js';
import type { NotificationStore } from './notification-store.js';
import type { PoolStore } from './pool-store.js';
import type { ProjectStore } from './project-store.js';
import type { TenancyStore } from './tenancy-store.js';

export type { BlockStore } from './block-store.js';
export type { CatalogueStore } from './catalogue-store.js';
export type { DatasetStore } from './dataset-store.js';
export type { EventStore } from './event-store.js';
export type { CandidateQuery, JobStore } from './job-store.js';
export type { LifecycleStore, MadeRowRef } from './lifecycle-store.js';
export type { NotificationStore } from './notification-store.js';
export type { Page } from './page.js';
export type { PoolStore } from './pool-store.js';
export type { ProjectStore } from './project-store.js';
export type { TenancyStore } from './tenancy-store.js';

/**
 * The narrow storage interface: domain operations, each atomic, in named
 * slices ({@link BlockStore}, {@link PoolStore}, {@link JobStore},
 * {@link TenancyStore}, {@link ProjectStore}, {@link EventStore},
 * {@link NotificationStore}, {@link CatalogueStore}, {@link LifecycleStore}, {@link DatasetStore}). A caller asks for the slice it
 * uses; an adapter implements them all. Adapters: memory (tests), lowdb
 * (embedded default), PostgreSQL.
 *
 * Every operation is scoped to a workspace; nothing crosses workspaces.
 * Times are passed in (`now`) so callers own the clock.
 */
export interface Store
  extends
    BlockStore,
    PoolStore,
    JobStore,
    TenancyStore,
    ProjectStore,
    EventStore,
    NotificationStore,
    CatalogueStore,
    LifecycleStore,
    DatasetStore {
  /** A short name for messages: `memory`, `lowdb`, `postgres`. */
  readonly kind: string;
  /** Flushes and frees resources (file locks, connections). */
  close(): Promise<void>;
}
