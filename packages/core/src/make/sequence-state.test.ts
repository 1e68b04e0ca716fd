import { describe, expect, it } from 'vitest';
import { SequenceState } from './sequence-state.js';

describe('SequenceState', () => {
  it('counts from start by step when the block is empty', () => {
    const state = new SequenceState({ columns: ['id'], rows: [] });
    expect(state.next('id', {})).toBe(1);
    expect(state.next('id', {})).toBe(2);
    const stepped = new SequenceState({ columns: ['id'], rows: [] });
    expect(stepped.next('id', { start: 10, step: 5 })).toBe(10);
    expect(stepped.next('id', { start: 10, step: 5 })).toBe(15);
  });

  it('continues after the largest prefixed value already in the column', () => {
    const state = new SequenceState({
      columns: ['name', 'id'],
      rows: [
        ['a', 'C-000120'],
        ['b', 'C-000099'],
        ['c', 'X-000500'],
        ['d', 'C-12x'],
        ['e', null],
      ],
    });
    const spec = { start: 100, prefix: 'C-', pad: 6 };
    expect(state.next('id', spec)).toBe('C-000121');
    expect(state.next('id', spec)).toBe('C-000122');
  });

  it('starts at start when no existing value is larger', () => {
    const state = new SequenceState({ columns: ['id'], rows: [['C-5'], ['C-7']] });
    expect(state.next('id', { start: 100, prefix: 'C-' })).toBe('C-100');
  });

  it('reads plain numbers and digit strings when there is no prefix', () => {
    const state = new SequenceState({
      columns: ['id'],
      rows: [[41], ['100007'], ['C-900000'], [3.5]],
    });
    expect(state.next('id', { start: 1 })).toBe(100008);
    expect(state.next('id', {})).toBe(100009);
  });

  it('pads without a prefix as a string', () => {
    const state = new SequenceState({ columns: ['id'], rows: [['0042']] });
    expect(state.next('id', { pad: 4 })).toBe('0043');
  });

  it('keeps separate counters per column and prefix', () => {
    const state = new SequenceState({ columns: ['id', 'ref'], rows: [['A-3', 'A-9']] });
    expect(state.next('id', { prefix: 'A-' })).toBe('A-4');
    expect(state.next('ref', { prefix: 'A-' })).toBe('A-10');
    expect(state.next('id', { prefix: 'B-' })).toBe('B-1');
    expect(state.next('id', { prefix: 'A-' })).toBe('A-5');
  });

  it('starts from start for a column the block does not have', () => {
    const state = new SequenceState({ columns: ['id'], rows: [['9']] });
    expect(state.next('other', { start: 3 })).toBe(3);
  });
});
