import { executeJob, type ExecuteOptions, type JobReport, type Store } from '@allot/core';

/**
 * A named engine and data connection that resolves finds and makes: the
 * `{servername}` of the vendor execute route.
 */
export interface ResolutionServer {
  name: string;
  description: string;
  /** What resolves the finds: `local` (the store's data blocks), `postgres`, …; default `local`. */
  kind?: string;
  /** Only keys of this workspace see the server; every workspace when absent. */
  workspace?: string;
  execute(store: Store, options: ExecuteOptions): Promise<JobReport>;
  /** Frees its connections; called by whoever opened it. */
  close?(): Promise<void>;
}

/** The built-in server: the allocation engine over the server's own store. */
export const LOCAL_SERVER: ResolutionServer = {
  name: 'local',
  description: "allot's built-in engine over the server's store",
  kind: 'local',
  execute: executeJob,
};

/**
 * The servers an app knows, by name; `local` is always there unless
 * replaced. A server registered for a workspace is seen by that workspace
 * only, and takes precedence there over a server of the same name for all.
 */
export class ResolutionServers {
  readonly #shared = new Map<string, ResolutionServer>();
  readonly #scoped = new Map<string, Map<string, ResolutionServer>>();

  constructor(servers: readonly ResolutionServer[] = []) {
    this.#shared.set(LOCAL_SERVER.name, LOCAL_SERVER);
    for (const server of servers) {
      if (server.workspace === undefined) {
        this.#shared.set(server.name, server);
        continue;
      }
      let own = this.#scoped.get(server.workspace);
      if (own === undefined) {
        own = new Map();
        this.#scoped.set(server.workspace, own);
      }
      own.set(server.name, server);
    }
  }

  /** The server of this name that `workspace` sees; without a workspace, only servers for all. */
  get(name: string, workspace?: string): ResolutionServer | undefined {
    const own = workspace === undefined ? undefined : this.#scoped.get(workspace)?.get(name);
    return own ?? this.#shared.get(name);
  }

  /** Names `workspace` sees, sorted. */
  names(workspace?: string): string[] {
    const own = workspace === undefined ? [] : [...(this.#scoped.get(workspace)?.keys() ?? [])];
    return [...new Set([...this.#shared.keys(), ...own])].sort();
  }

  /** Servers `workspace` sees, by name. */
  list(workspace?: string): ResolutionServer[] {
    return this.names(workspace).map((name) => this.get(name, workspace) as ResolutionServer);
  }
}
