import { AllotError } from '../errors.js';
import type { Quota } from '../model/pool-definition.js';
import type { LifecycleStore } from '../store/lifecycle-store.js';

/** A quota that applies to a make, under the name its count is shared by. */
export interface QuotaRule {
  /** The bucket every replica counts in: `server:<name>` or `make:<workspace>/<id>`. */
  bucket: string;
  quota: Quota;
  /** Names the quota in messages: `server "app"`, `the make of checkout/signs up`. */
  label: string;
}

/** Options of {@link QuotaGate}. */
export interface QuotaGateOptions {
  /** The quota's clock; real time, since quotas protect a real system's rate limits. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Slots {
  active: number;
  waiting: Array<() => void>;
}

const DEFAULT_WAIT_SECONDS = 60;

/**
 * Lets makes through within their quotas: a window count shared by every
 * replica through the store, and a number of makes at once in this process.
 * One gate per process, so its concurrency counts every job it runs.
 */
export class QuotaGate {
  readonly #store: Pick<LifecycleStore, 'takeQuota'>;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #slots = new Map<string, Slots>();

  constructor(store: Pick<LifecycleStore, 'takeQuota'>, options: QuotaGateOptions = {}) {
    this.#store = store;
    this.#now = options.now ?? Date.now;
    this.#sleep =
      options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))));
  }

  /**
   * Waits until one make may run under every rule and returns what ends it
   * (frees its concurrency slot). `onWait` says why it waits, each time it
   * starts waiting.
   *
   * @throws {@link AllotError} `QUOTA_EXCEEDED` when a rule keeps it waiting past its `waitSeconds`.
   */
  async acquire(
    rules: readonly QuotaRule[],
    onWait?: (message: string) => void,
  ): Promise<() => void> {
    const releases: Array<() => void> = [];
    const release = () => releases.splice(0).forEach((end) => end());
    try {
      for (const rule of rules) {
        const deadline = this.#now() + (rule.quota.waitSeconds ?? DEFAULT_WAIT_SECONDS) * 1000;
        releases.push(await this.#slot(rule, deadline, onWait));
        await this.#token(rule, deadline, onWait);
      }
      return release;
    } catch (error) {
      release();
      throw error;
    }
  }

  async #token(rule: QuotaRule, deadline: number, onWait?: (message: string) => void) {
    const windowMs = (rule.quota.perSeconds ?? 1) * 1000;
    for (let told = false; ; told = true) {
      const take = await this.#store.takeQuota(
        rule.bucket,
        rule.quota.makes,
        windowMs,
        new Date(this.#now()),
      );
      if (take.granted) return;
      const at = take.retryAt.getTime();
      if (at > deadline)
        throw exceeded(rule, `${rule.quota.makes} makes per ${rule.quota.perSeconds ?? 1} s`);
      if (!told)
        onWait?.(
          `waiting for the quota of ${rule.label}: ${rule.quota.makes} makes per ${rule.quota.perSeconds ?? 1} s`,
        );
      // A little spread, so replicas woken by one window do not all ask at its first millisecond.
      await this.#sleep(at - this.#now() + Math.random() * 10);
    }
  }

  #slot(
    rule: QuotaRule,
    deadline: number,
    onWait?: (message: string) => void,
  ): Promise<() => void> {
    const max = rule.quota.concurrency;
    if (max === undefined) return Promise.resolve(() => undefined);
    let slots = this.#slots.get(rule.bucket);
    if (slots === undefined) {
      slots = { active: 0, waiting: [] };
      this.#slots.set(rule.bucket, slots);
    }
    const own = slots;
    const free = () => {
      own.active--;
      own.waiting.shift()?.();
    };
    if (own.active < max) {
      own.active++;
      return Promise.resolve(once(free));
    }
    onWait?.(`waiting for the quota of ${rule.label}: ${max} makes at once`);
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        own.active++;
        resolve(once(free));
      };
      const timer = setTimeout(
        () => {
          own.waiting = own.waiting.filter((w) => w !== wake);
          reject(exceeded(rule, `${max} makes at once`));
        },
        Math.max(0, deadline - this.#now()),
      );
      own.waiting.push(wake);
    });
  }
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

function exceeded(rule: QuotaRule, limit: string): AllotError {
  const wait = rule.quota.waitSeconds ?? DEFAULT_WAIT_SECONDS;
  return new AllotError(
    'QUOTA_EXCEEDED',
    `the quota of ${rule.label} (${limit}) kept this make waiting longer than ${wait} s; raise the quota's waitSeconds or makes, or make fewer rows per run`,
    { bucket: rule.bucket },
  );
}
