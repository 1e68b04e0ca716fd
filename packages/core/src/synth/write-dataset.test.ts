import { describe, expect, it } from 'vitest';
import { peopleAndOrders } from '../testing/synth-fixtures.js';
import type { SynthBatch } from './generate-entities.js';
import { writeDataset, type SynthFormat } from './write-dataset.js';

interface Written {
  /** `entity.format#part` → the part's text, in the order the parts were asked for. */
  parts: Map<string, string>;
  closes: Map<string, number>;
  /** What happened, in order: `open …`, `batch …`, `close …`. */
  log: string[];
}

async function write(recordsPerFile: number | null, formats: SynthFormat[]): Promise<Written> {
  const written: Written = { parts: new Map(), closes: new Map(), log: [] };
  await writeDataset({
    entities: peopleAndOrders(40, 120),
    seed: 'parts',
    batchSize: 32,
    formats,
    recordsPerFile,
    batches: {
      write: (batch: SynthBatch) => void written.log.push(`batch ${batch.entity} ${batch.first}`),
    },
    sink: (entity, format, part) => {
      const key = `${entity}.${format}#${part}`;
      written.log.push(`open ${key}`);
      written.parts.set(key, '');
      const add = (text: string) => void written.parts.set(key, written.parts.get(key)! + text);
      return {
        write: add,
        writeBytes: (bytes) => add(Buffer.from(bytes).toString('utf8')),
        close: () => {
          written.log.push(`close ${key}`);
          written.closes.set(key, (written.closes.get(key) ?? 0) + 1);
        },
      };
    },
  });
  return written;
}

const partsOf = (written: Written, file: string) =>
  [...written.parts.entries()].filter(([k]) => k.startsWith(`${file}#`)).map(([, text]) => text);

describe('writeDataset with records per file', () => {
  it('splits each entity into whole files of at most that many records, the same records in order', async () => {
    const whole = await write(null, ['csv', 'jsonl', 'json', 'xml', 'sql']);
    const split = await write(50, ['csv', 'jsonl', 'json', 'xml', 'sql']);
    // 40 people in one part; 120 orders in 50 + 50 + 20, batches of 32 cut across parts.
    expect(partsOf(split, 'people.csv')).toHaveLength(1);
    expect(partsOf(split, 'orders.csv')).toHaveLength(3);
    expect(partsOf(split, 'orders.jsonl').join('')).toBe(partsOf(whole, 'orders.jsonl')[0]);
    const [header, ...rows] = partsOf(whole, 'orders.csv')[0]!.split('\r\n');
    const csvParts = partsOf(split, 'orders.csv').map((p) => p.split('\r\n'));
    for (const part of csvParts) expect(part[0]).toBe(header);
    expect(csvParts.flatMap((p) => p.slice(1, -1))).toEqual(rows.slice(0, -1));
    const jsonParts = partsOf(split, 'orders.json').map((p) => JSON.parse(p) as unknown[]);
    expect(jsonParts.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(jsonParts.flat()).toEqual(JSON.parse(partsOf(whole, 'orders.json')[0]!));
    for (const xml of partsOf(split, 'orders.xml')) expect(xml).toMatch(/^<\?xml[^]*<\/\w+>\n?$/);
    // The CREATE TABLE opens the first part of SQL only: the parts run in order.
    const sql = partsOf(split, 'orders.sql');
    expect(sql.map((p) => p.includes('CREATE TABLE'))).toEqual([true, false, false]);
    for (const part of sql) expect(part).toMatch(/INSERT INTO "orders"/);
  });

  it('asks for every first part up front, each further part when its first record comes, and closes each once', async () => {
    const { log, closes } = await write(50, ['csv']);
    // people come first: orders reference them.
    expect(log.slice(0, 2)).toEqual(['open people.csv#0', 'open orders.csv#0']);
    expect(log.indexOf('open orders.csv#1')).toBeGreaterThan(log.indexOf('batch orders 32'));
    expect(log.indexOf('close orders.csv#0')).toBeLessThan(log.indexOf('batch orders 64'));
    // An entity's file ends with its last record, not with the dataset: its buffers go then.
    expect(log.indexOf('close people.csv#0')).toBeLessThan(log.indexOf('batch orders 0'));
    expect([...closes.values()].every((n) => n === 1)).toBe(true);
    expect([...closes.keys()].sort()).toEqual([
      'orders.csv#0',
      'orders.csv#1',
      'orders.csv#2',
      'people.csv#0',
    ]);
    // The batch sink saw every batch once, in order.
    expect(log.filter((l) => l.startsWith('batch'))).toEqual([
      'batch people 0',
      'batch people 32',
      'batch orders 0',
      'batch orders 32',
      'batch orders 64',
      'batch orders 96',
    ]);
  });

  it('keeps one sink shared by every entity open to the end: every CREATE TABLE first, closed once', async () => {
    let text = '';
    let closes = 0;
    const shared = {
      write: (chunk: string) => void (text += chunk),
      close: () => void closes++,
    };
    const separate: string[] = [];
    await writeDataset({
      entities: peopleAndOrders(40, 120),
      seed: 'one file',
      batchSize: 32,
      formats: ['sql', 'csv'],
      sink: (entity, format) =>
        format === 'sql'
          ? shared
          : { write: () => undefined, close: () => void separate.push(entity) },
    });
    expect(closes).toBe(1);
    // Each entity's own CSV ended with its records; people's before orders'.
    expect(separate).toEqual(['people', 'orders']);
    const at = (what: string) => text.indexOf(what);
    expect(at('CREATE TABLE "people"')).toBeGreaterThanOrEqual(0);
    expect(at('CREATE TABLE "people"')).toBeLessThan(at('CREATE TABLE "orders"'));
    expect(at('CREATE TABLE "orders"')).toBeLessThan(at('INSERT INTO'));
  });

  it('refuses a records per file that is not a whole number from 1', async () => {
    await expect(write(0, ['csv'])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'recordsPerFile' },
    });
  });
});
