import { describe, expect, it } from 'vitest';
import { ProgressBar, renderProgress } from './progress-bar.js';

function fakeTerminal(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 80, write: (text: string) => writes.push(text) } };
}

describe('ProgressBar', () => {
  it('stays silent for the first second, then draws, then erases itself', () => {
    let now = 0;
    const { writes, stream } = fakeTerminal(true);
    const bar = new ProgressBar({ stream, clock: () => now, tick: false });
    bar.update({ phase: 'candidates', done: 1, total: 4 });
    expect(writes).toEqual([]);
    now = 1200;
    bar.update({ phase: 'candidates', done: 2, total: 4 });
    expect(writes.at(-1)).toContain('50% finding candidates 2/4');
    bar.finish();
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('prints nothing when stderr is not a terminal', () => {
    let now = 0;
    const { writes, stream } = fakeTerminal(false);
    const bar = new ProgressBar({ stream, clock: () => now, tick: false });
    now = 5000;
    bar.update({ phase: 'makes', done: 1, total: 2 });
    bar.finish();
    expect(writes).toEqual([]);
  });

  it('fits the line to the terminal', () => {
    const line = renderProgress({ phase: 'matching', done: 3, total: 3 }, 20);
    expect(line).toBe('[##################');
    expect(renderProgress({ phase: 'resolve', done: 0, total: 0 }, 200)).toContain(
      '  0% resolving tests',
    );
  });
});
