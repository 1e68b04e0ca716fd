import type { JobProgress } from '@allot/core';
import type { OutputStream } from './io.js';

export interface ProgressBarOptions {
  stream: OutputStream;
  /** Jobs quicker than this show no bar at all. */
  delayMs?: number;
  /** Redraws closer together than this are skipped: a terminal is slower than the engine. */
  intervalMs?: number;
  clock?: () => number;
  /** Redraw on a timer too, not only on updates; on by default. */
  tick?: boolean;
}

const LABELS: Record<JobProgress['phase'], string> = {
  resolve: 'resolving tests',
  candidates: 'finding candidates',
  matching: 'matching rows',
  makes: 'making rows',
  commit: 'committing',
  done: 'done',
};
const BAR_WIDTH = 24;
/** Carriage return and "erase the whole line": the bar is redrawn in place. */
const CLEAR_LINE = '\r\u001b[2K';

/**
 * A one-line progress bar for long jobs. It draws only on a terminal and only
 * once a job has run for a while, so quick runs and CI logs stay clean.
 */
export class ProgressBar {
  readonly #stream: OutputStream;
  readonly #delayMs: number;
  readonly #intervalMs: number;
  readonly #clock: () => number;
  readonly #start: number;
  #lastDraw = -Infinity;
  #drawn = false;
  #latest: JobProgress | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: ProgressBarOptions) {
    this.#stream = options.stream;
    this.#delayMs = options.delayMs ?? 1000;
    this.#intervalMs = options.intervalMs ?? 80;
    this.#clock = options.clock ?? (() => performance.now());
    this.#start = this.#clock();
    if (this.#stream.isTTY === true && options.tick !== false) {
      // Phases that report rarely (resolving, committing) still get a bar once the delay is up.
      this.#timer = setInterval(() => this.#draw(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  /** Takes the engine's latest progress; draws when the job has taken long enough. */
  update(progress: JobProgress): void {
    this.#latest = progress;
    this.#draw();
  }

  #draw(): void {
    const progress = this.#latest;
    if (this.#stream.isTTY !== true || progress === undefined) return;
    const now = this.#clock();
    if (now - this.#start < this.#delayMs || now - this.#lastDraw < this.#intervalMs) return;
    this.#lastDraw = now;
    this.#drawn = true;
    this.#stream.write(CLEAR_LINE + renderProgress(progress, this.#stream.columns || 80));
  }

  /** Stops drawing and erases the bar, so that what follows starts on a clean line. */
  finish(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (!this.#drawn) return;
    this.#drawn = false;
    this.#stream.write(CLEAR_LINE);
  }
}

/** `[#########---------------]  37% finding candidates 120/320`, cut to the terminal's width. */
export function renderProgress(progress: JobProgress, width: number): string {
  const ratio = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const percent = `${Math.round(ratio * 100)}%`.padStart(4);
  const line = `${bar} ${percent} ${LABELS[progress.phase]} ${progress.done}/${progress.total}`;
  // One column short of the width: a line that fills it wraps on some terminals.
  return line.slice(0, Math.max(0, width - 1));
}
