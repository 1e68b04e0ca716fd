import { describe, expect, it } from 'vitest';
import { encodeBlockFile } from '../data-block/block-file.js';
import { AllotError } from '../errors.js';
import { peopleAndOrders } from '../testing/synth-fixtures.js';
import { BlockVersionBuilder, type BlockVersionTarget } from './block-version-builder.js';
import { writeDatasetInParallel } from './parallel-dataset.js';
import { writeDataset, type ChunkSink, type SynthFormat } from './write-dataset.js';

const ENTITIES = peopleAndOrders(3000, 9000);
const targets = (): (BlockVersionTarget & { entity: string })[] =>
  ENTITIES.map((entity) => ({
    entity: entity.name,
    block: `synth.${entity.name}`,
    schema: entity.schema,
    keyColumn: null,
    expectedRows: entity.count,
  }));

/** Sinks keeping each file's bytes, by `entity.format#part`. */
function files() {
  const bytes = new Map<string, Buffer[]>();
  const closed: string[] = [];
  const sink = (entity: string, format: SynthFormat, part: number): ChunkSink => {
    const key = `${entity}.${format}#${part}`;
    bytes.set(key, []);
    return {
      write: (text) => void bytes.get(key)!.push(Buffer.from(text, 'utf8')),
      writeBytes: (chunk) => void bytes.get(key)!.push(Buffer.from(chunk)),
      close: () => void closed.push(key),
    };
  };
  const text = () =>
    new Map([...bytes].map(([key, chunks]) => [key, Buffer.concat(chunks).toString('utf8')]));
  return { sink, text, closed };
}

describe('writing a dataset on two threads', () => {
  it('writes the files and builds the block versions one thread would, byte for byte', async () => {
    for (const [formats, perFile] of [
      [['csv', 'jsonl'], null],
      [['jsonl'], null],
      [['csv', 'json', 'xml', 'sql', 'jsonl'], 4000],
    ] as [SynthFormat[], number | null][]) {
      const one = files();
      const builders = new Map(targets().map((t) => [t.entity, new BlockVersionBuilder(t)]));
      await writeDataset({
        entities: ENTITIES,
        seed: 'two threads',
        batchSize: 700,
        formats,
        recordsPerFile: perFile,
        sink: one.sink,
        batches: { write: (batch) => builders.get(batch.entity)!.add(batch.records) },
      });
      const two = files();
      const batches: string[] = [];
      const result = await writeDatasetInParallel({
        entities: ENTITIES,
        seed: 'two threads',
        batchSize: 700,
        formats,
        recordsPerFile: perFile,
        sink: two.sink,
        batches: { write: (batch) => void batches.push(`${batch.entity} ${batch.first}`) },
        blocks: targets(),
      });
      expect(two.text()).toEqual(one.text());
      expect(new Set(two.closed)).toEqual(new Set(one.closed));
      expect(two.closed).toHaveLength(one.closed.length);
      // The caller still sees every batch, on the main thread.
      expect(batches).toHaveLength(Math.ceil(3000 / 700) + Math.ceil(9000 / 700));
      expect([...result.blocks.keys()]).toEqual(ENTITIES.map((e) => e.name));
      for (const [entity, builder] of builders) {
        const alone = builder.build();
        const parallel = result.blocks.get(entity)!;
        expect({ ...parallel, table: undefined }).toEqual({ ...alone, table: undefined });
        expect(encodeBlockFile(parallel.columns, parallel.table!)).toEqual(
          encodeBlockFile(alone.columns, alone.table!),
        );
        expect(parallel.table!.toRows()).toEqual(alone.table!.toRows());
      }
    }
  }, 60_000);

  it('stops both threads when the caller stops, with no write of the worker still running', async () => {
    const writing = new Set<number>();
    let writes = 0;
    let firstWrite!: () => void;
    const written = new Promise<void>((resolve) => (firstWrite = resolve));
    const stop = writeDatasetInParallel({
      entities: ENTITIES,
      seed: 'stop',
      batchSize: 100,
      formats: ['csv', 'jsonl'],
      blocks: targets(),
      batches: {
        // Stops once the worker's file is being stored, its later bytes queued behind.
        write: async () => {
          await written;
          throw new Error('cancelled');
        },
      },
      // The worker's format (the second) is slow to store.
      sink: (_entity, format) => ({
        write: () => undefined,
        writeBytes: async () => {
          if (format !== 'jsonl') return;
          const write = ++writes;
          writing.add(write);
          firstWrite();
          await new Promise((resolve) => setTimeout(resolve, 50));
          writing.delete(write);
        },
      }),
    });
    await expect(stop).rejects.toThrow('cancelled');
    expect(writes).toBeGreaterThan(0);
    expect(writing.size).toBe(0);
  });

  it('fails when a write of the worker’s file fails, and refuses one sink for two files', async () => {
    const failing = writeDatasetInParallel({
      entities: ENTITIES,
      seed: 'fail',
      formats: ['csv', 'jsonl'],
      sink: (_entity, format) => ({
        write: () => undefined,
        writeBytes: () => {
          if (format === 'jsonl') throw new Error('disk full');
        },
      }),
    });
    await expect(failing).rejects.toThrow('disk full');

    const shared: ChunkSink = { write: () => undefined };
    const sharing = writeDatasetInParallel({
      entities: ENTITIES,
      seed: 'shared',
      formats: ['sql', 'csv'],
      sink: () => shared,
    });
    await expect(sharing).rejects.toThrow(AllotError);
  });

  it('gives the worker’s own failure by its message, its stack kept apart', async () => {
    const [, people] = ENTITIES;
    const result = writeDatasetInParallel({
      entities: ENTITIES,
      seed: 'broken target',
      formats: ['csv'],
      sink: files().sink,
      // A target the worker cannot build columns for: a plain TypeError over there.
      blocks: [{ entity: people!.name, block: 'b', schema: {} as BlockVersionTarget['schema'] }],
    });
    const error = (await result.catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AllotError);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.stack).toContain('in the dataset worker');
  });

  it('writes a single format without blocks on one thread, as writeDataset does', async () => {
    const one = files();
    await writeDataset({ entities: ENTITIES, seed: 'alone', formats: ['csv'], sink: one.sink });
    const two = files();
    const result = await writeDatasetInParallel({
      entities: ENTITIES,
      seed: 'alone',
      formats: ['csv'],
      sink: two.sink,
    });
    expect(two.text()).toEqual(one.text());
    expect(result.blocks.size).toBe(0);
  });

  it('gives a generation error as writeDataset does', async () => {
    const [orders, people] = ENTITIES;
    const result = writeDatasetInParallel({
      entities: [orders!, { ...people!, count: -1 }],
      seed: 'bad',
      formats: ['csv', 'jsonl'],
      sink: files().sink,
    });
    await expect(result).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
