import type { JobReport, Quota, ResolutionDatabase } from '@allot/core';
import { executeBundle, type BundleOptions, type ExecuteStore } from '@allot/use-cases';
import { HttpError } from '../errors/http-error.js';

/**
 * A named engine and data connection that resolves finds and makes: the
 * `{servername}` of the Curiosity execute route. Its data connection, when it
 * has one, is a core `ResolutionDatabase`.
 */
export interface ResolutionServer {
  name: string;
  description: string;
  /** What resolves the finds: `local` (the store's data blocks), `postgres`, …; default `local`. */
  kind?: string;
  /** Only keys of this workspace see the server; every workspace when absent. */
  workspace?: string;
  execute(store: ExecuteStore, options: BundleOptions): Promise<JobReport>;
  /** The server's database, where teardown statements and top-ups run; none for `local`. */
  database?: ResolutionDatabase;
  /** The server's make quota. */
  quota?: Quota;
  /** Frees its connections; called by whoever opened it. */
  close?(): Promise<void>;
}

/** The built-in server: the allocation engine over the server's own store. */
export const LOCAL_SERVER: ResolutionServer = {
  name: 'local',
  description: "allot's built-in engine over the server's store",
  kind: 'local',
  execute: executeBundle,
};

/** The server that unregistered names resolve to: for every workspace, or for one. */
export interface DefaultServer {
  name: string;
  /** Only this workspace; every workspace when absent. */
  workspace?: string;
}

/** How names that no server has are treated. */
export interface ServerNameOptions {
  /**
   * The servers unknown names resolve to; `local` for every workspace
   * unless one is given. A default for a workspace beats one for all.
   */
  defaults?: readonly DefaultServer[];
  /** Unknown names are an error (`UNKNOWN_SERVER`) instead of the default; default false. */
  strict?: boolean;
}

/** A server a name resolved to, and whether it was the default standing in for an unknown name. */
export interface ResolvedServer {
  server: ResolutionServer;
  fallback: boolean;
}

/**
 * The servers an app knows, by name; `local` is always there unless
 * replaced. A server registered for a workspace is seen by that workspace
 * only, and takes precedence there over a server of the same name for all.
 *
 * Suites written for Curiosity name the machine of its agent as the
 * server (`…/resolve/server/DESKTOP-ABC123/execute`): a name no server has
 * resolves to the workspace's default server, unless names are strict.
 */
export class ResolutionServers {
  readonly #shared = new Map<string, ResolutionServer>();
  readonly #scoped = new Map<string, Map<string, ResolutionServer>>();
  readonly #defaultForAll: string;
  readonly #defaultFor = new Map<string, string>();
  readonly #strict: boolean;

  /** Throws when a default names a server its workspace does not see. */
  constructor(servers: readonly ResolutionServer[] = [], options: ServerNameOptions = {}) {
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
    this.#strict = options.strict ?? false;
    let forAll = LOCAL_SERVER.name;
    for (const entry of options.defaults ?? []) {
      if (this.get(entry.name, entry.workspace) === undefined) {
        const scope = entry.workspace === undefined ? '' : ` for workspace "${entry.workspace}"`;
        throw new Error(
          `the default resolution server${scope} "${entry.name}" is not registered (known: ${this.names(entry.workspace).join(', ')})`,
        );
      }
      if (entry.workspace === undefined) forAll = entry.name;
      else this.#defaultFor.set(entry.workspace, entry.name);
    }
    this.#defaultForAll = forAll;
  }

  /** The name of the server that unknown names resolve to in `workspace`. */
  defaultName(workspace: string): string {
    return this.#defaultFor.get(workspace) ?? this.#defaultForAll;
  }

  /**
   * The server `name` stands for in `workspace`: the server of that name,
   * else (unless names are strict) the workspace's default; the default when
   * no name is given. Throws `UNKNOWN_SERVER` otherwise.
   */
  resolve(name: string | undefined, workspace: string, field?: string): ResolvedServer {
    if (name !== undefined) {
      const named = this.get(name, workspace);
      if (named !== undefined) return { server: named, fallback: false };
      if (this.#strict) {
        throw new HttpError(
          'UNKNOWN_SERVER',
          `resolution server "${name}" does not exist (known servers: ${this.names(workspace).join(', ')})`,
          field,
        );
      }
    }
    const fallback = this.get(this.defaultName(workspace), workspace);
    // Checked when constructed; a workspace-scoped name can only go missing through a bug.
    if (fallback === undefined) throw new Error('the default resolution server is gone');
    return { server: fallback, fallback: name !== undefined };
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
