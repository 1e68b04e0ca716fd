import { createHash } from 'node:crypto';
import { openMemoryStore, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, chunkName, DatasetFileSink, readChunks } from './dataset-chunks.js';

const NOW = new Date('2030-01-01T00:00:00Z');

describe('DatasetFileSink', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
  });

  const sink = () =>
    new DatasetFileSink({
      store,
      workspace: 'w',
      dataset: 1,
      actor: 'test',
      now: () => NOW,
      file: { format: 'csv', index: 0, entity: 'e', name: 'e.csv', records: 0 },
    });

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
