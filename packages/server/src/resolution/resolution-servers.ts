import { executeJob, type ExecuteOptions, type JobReport, type Store } from '@allot/core';

/**
 * A named engine and data connection that resolves finds and makes: the
 * `{servername}` of the vendor execute route.
 */
export interface ResolutionServer {
  name: string;
  description: string;
  execute(store: Store, options: ExecuteOptions): Promise<JobReport>;
}

/** The built-in server: the allocation engine over the server's own store. */
export const LOCAL_SERVER: ResolutionServer = {
  name: 'local',
  description: "allot's built-in engine over the server's store",
  execute: executeJob,
};

/** The servers an app knows, by name; `local` is always there unless replaced. */
export class ResolutionServers {
  readonly #servers = new Map<string, ResolutionServer>();

  constructor(servers: readonly ResolutionServer[] = []) {
    this.#servers.set(LOCAL_SERVER.name, LOCAL_SERVER);
    for (const server of servers) this.#servers.set(server.name, server);
  }

  get(name: string): ResolutionServer | undefined {
    return this.#servers.get(name);
  }

  names(): string[] {
    return [...this.#servers.keys()].sort();
  }

  list(): ResolutionServer[] {
    return this.names().map((name) => this.#servers.get(name) as ResolutionServer);
  }
}
