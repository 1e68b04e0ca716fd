import { createHash } from 'node:crypto';
import { openMemoryStore, type CataloguePut, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  chunkName,
  DatasetFileSink,
  pieceBytesFor,
  readChunks,
} from './dataset-chunks.js';

const NOW = new Date('2030-01-01T00:00:00Z');

describe('DatasetFileSink', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
  });

  const sink = (options: { pieceBytes?: number; on?: Store; inFlight?: number } = {}) =>
    new DatasetFileSink({
      store: options.on ?? store,
      workspace: 'w',
      dataset: 1,
      actor: 'test',
      now: () => NOW,
      file: { format: 'csv', index: 0, entity: 'e', name: 'e.csv', records: 0 },
      ...(options.pieceBytes === undefined ? {} : { pieceBytes: options.pieceBytes }),
      ...(options.inFlight === undefined ? {} : { piecesInFlight: options.inFlight }),
    });

  /** The memory store with its catalogue puts going through `put` (given the store's own). */
  function storeWithPut(
    put: (
      inner: (put: CataloguePut, now: Date) => Promise<unknown>,
      args: [CataloguePut, Date],
    ) => Promise<unknown>,
  ): Store {
    return new Proxy(store, {
      get(target, name, receiver) {
        if (name === 'putCatalogue')
          return (p: CataloguePut, now: Date) =>
            put((q, at) => target.putCatalogue(q, at), [p, now]);
        const value: unknown = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  async function readBack(file: DatasetFileSink): Promise<Buffer[]> {
    const pieces: Buffer[] = [];
    for await (const piece of readChunks(store, { workspace: 'w', dataset: 1, file: file.file }))
      pieces.push(piece);
    return pieces;
  }

  it('stores pieces of bytes that are each whole UTF-8, even where a character straddles a piece', async () => {
    const file = sink();
    // 'é' is 2 bytes, '😀' 4: one of each lands across the end of the first and second piece.
    const text = 'a'.repeat(CHUNK_BYTES - 1) + 'é' + 'b'.repeat(CHUNK_BYTES - 4) + '😀' + 'c';
    const bytes = Buffer.from(text);
    // Written in uneven slices from one reused buffer, as a writer's batches come.
    const reused = Buffer.alloc(100_003);
    for (let at = 0; at < bytes.length; at += reused.length) {
      const n = bytes.copy(reused, 0, at, at + reused.length);
      await file.writeBytes(reused.subarray(0, n));
      reused.fill(0x7a);
    }
    await file.write('');
    await file.write('ü\n');
    await file.close();
    const whole = Buffer.concat([bytes, Buffer.from('ü\n')]);
    expect(file.file).toMatchObject({
      bytes: whole.length,
      chunks: 3,
      sha256: createHash('sha256').update(whole).digest('hex'),
    });
    const pieces: Buffer[] = [];
    for await (const piece of readChunks(store, { workspace: 'w', dataset: 1, file: file.file }))
      pieces.push(piece);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const piece of pieces) expect(() => strict.decode(piece)).not.toThrow();
    expect(pieces.map((p) => p.length)).toEqual([CHUNK_BYTES - 1, CHUNK_BYTES - 2, 8]);
    expect(Buffer.concat(pieces).equals(whole)).toBe(true);
  });

  it('stores a file in one put per piece of the size asked, and reads it back whole', async () => {
    let puts = 0;
    const counted = storeWithPut((inner, [put, now]) => {
      puts += 1;
      return inner(put, now);
    });
    const file = sink({ pieceBytes: 1000, on: counted });
    const text = Array.from({ length: 700 }, (_, i) => `${i},Zürich,東京\n`).join('');
    const bytes = Buffer.from(text);
    // In slices of many sizes, some past a whole piece, as batches of different records come.
    for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7) % 2500)
      await file.writeBytes(bytes.subarray(at, at + step));
    await file.close();
    const pieces = await readBack(file);
    expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
    // Full pieces end before a character they cannot hold whole: 998 to 1000 bytes each.
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(998);
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(bytes.length / 1000));
    expect(pieces.length).toBeLessThanOrEqual(Math.ceil(bytes.length / 998));
    expect(puts).toBe(pieces.length);
    expect(file.file.chunks).toBe(pieces.length);
  });

  it('stores a full piece while the next one fills, one piece in flight at most', async () => {
    const waiting: (() => void)[] = [];
    let started = 0;
    const slow = storeWithPut(async (inner, [put, now]) => {
      started += 1;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return inner(put, now);
    });
    const file = sink({ pieceBytes: 100, on: slow });
    // The first piece fills: its put starts, and the write returns without waiting for it.
    await file.writeBytes(Buffer.alloc(150, 0x61));
    expect(started).toBe(1);
    // The second fills while the first is still stored: this write waits for the first put.
    let second = false;
    const writing = file.writeBytes(Buffer.alloc(60, 0x62)).then(() => (second = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect([started, second]).toEqual([1, false]);
    waiting.shift()!();
    await writing;
    expect(started).toBe(2);
    const closing = file.close();
    for (let i = 0; i < 2; i++) {
      while (waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
      waiting.shift()!();
    }
    await closing;
    const pieces = await readBack(file);
    expect(pieces.map((p) => p.length)).toEqual([100, 100, 10]);
    expect(Buffer.concat(pieces).toString()).toBe('a'.repeat(150) + 'b'.repeat(60));
  });

  it('stores up to the pieces in flight asked side by side, in any order, and the file reads back whole', async () => {
    const waiting: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const slow = storeWithPut(async (inner, [put, now]) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => waiting.push(resolve));
      running -= 1;
      return inner(put, now);
    });
    const file = sink({ pieceBytes: 100, on: slow, inFlight: 3 });
    // Three full pieces: three puts start, and no write waits.
    for (let i = 0; i < 3; i++) await file.writeBytes(Buffer.alloc(100, 0x61 + i));
    expect(running).toBe(3);
    // A fourth waits for the oldest: released last-first, it is the third release that frees it.
    let fourth = false;
    const writing = file.writeBytes(Buffer.alloc(100, 0x64)).then(() => (fourth = true));
    waiting.pop()!();
    waiting.pop()!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fourth).toBe(false);
    waiting.pop()!();
    await writing;
    let closed = false;
    const closing = file.close().then(() => (closed = true));
    while (!closed) {
      waiting.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await closing;
    expect(most).toBe(3);
    const pieces = await readBack(file);
    expect(Buffer.concat(pieces).toString()).toBe(
      'abcd'
        .split('')
        .map((c) => c.repeat(100))
        .join(''),
    );
  });

  it('throws a failed put at the next write, never leaves it unhandled, and drains before a delete', async () => {
    let puts = 0;
    const failing = storeWithPut(async (inner, [put, now]) => {
      puts += 1;
      if (puts === 2) throw new Error('disk full');
      return inner(put, now);
    });
    const file = sink({ pieceBytes: 100, on: failing });
    await file.writeBytes(Buffer.alloc(100, 0x61));
    // The second piece's put fails in the background while the third fills.
    await file.writeBytes(Buffer.alloc(100, 0x61));
    await file.drain();
    expect(puts).toBe(2);
    await expect(file.writeBytes(Buffer.alloc(100, 0x61))).rejects.toThrow('disk full');
    await expect(file.close()).rejects.toThrow('disk full');
    // Every piece it may have stored is counted, so a delete finds them all.
    expect(file.file.chunks).toBe(2);
    expect(puts).toBe(2);
  });

  it('refuses pieces in flight that are not a whole number from 1', () => {
    for (const inFlight of [0, 1.5, Number.NaN])
      expect(() => sink({ inFlight })).toThrow(RangeError);
  });

  it('stores an empty file as one empty piece', async () => {
    const file = sink();
    await file.close();
    expect(file.file).toMatchObject({ bytes: 0, chunks: 1 });
    const pieces: Buffer[] = [];
    for await (const piece of readChunks(store, { workspace: 'w', dataset: 1, file: file.file }))
      pieces.push(piece);
    expect(pieces).toEqual([Buffer.alloc(0)]);
  });

  it('reads pieces stored as text (by earlier releases) as their UTF-8 bytes', async () => {
    const file = { format: 'csv' as const, index: 0, entity: 'e', name: 'e.csv' };
    for (const [chunk, body] of ['id,city\r\n', '1,Zürich\r\n'].entries())
      await store.putCatalogue({ ...chunkName('w', 1, file, chunk), body, actor: 'old' }, NOW);
    const pieces: Buffer[] = [];
    const stored = { ...file, records: 1, bytes: 19, chunks: 2, sha256: '' };
    for await (const piece of readChunks(store, { workspace: 'w', dataset: 1, file: stored }))
      pieces.push(piece);
    expect(Buffer.concat(pieces).toString('utf8')).toBe('id,city\r\n1,Zürich\r\n');
  });
});

describe('pieceBytesFor', () => {
  it('keeps the piece buffers of the files filling at once within the job budget', () => {
    expect(pieceBytesFor(1)).toBe(CHUNK_BYTES);
    // Two formats, each file with a piece filling and three in flight: 4 MiB pieces.
    expect(pieceBytesFor(2, 4)).toBe(CHUNK_BYTES);
    expect(pieceBytesFor(5, 4)).toBe(Math.floor((64 * 1024 * 1024) / 20));
    expect(pieceBytesFor(16)).toBe(2 * 1024 * 1024);
    expect(pieceBytesFor(105)).toBe(512 * 1024);
    for (const files of [1, 2, 5, 7, 33, 64, 105, 1000])
      for (const buffers of [2, 4]) {
        const piece = pieceBytesFor(files, buffers);
        expect(piece).toBeGreaterThanOrEqual(512 * 1024);
        if (piece > 512 * 1024)
          expect(buffers * piece * files).toBeLessThanOrEqual(64 * 1024 * 1024);
      }
  });
});
