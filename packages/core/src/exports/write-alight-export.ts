import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import type { Value } from '../model/block-version.js';
import { ALIGHT_LAYOUT, ALIGHT_RECORD_BYTES, type AlightField } from './alight-layout.js';
import type { ExportInput } from './export-input.js';
import { memberCode } from './member-code.js';
import { textChunks } from './text-chunks.js';

/**
 * Fixed-width records of exactly 2500 ASCII bytes, each ended by CRLF, one
 * per row, laid out by `ALIGHT_LAYOUT`. Text is formula-safe, accents are
 * dropped (é → e) and any other non-ASCII character becomes `?`, so every
 * record keeps its byte length; a value longer than its field is cut.
 * Gender and relationship words are written as the 834's codes (`female`
 * → `F`, `self` → `18`), so neither is cut to its first letters.
 */
export function writeAlightExport(input: ExportInput): AsyncGenerator<string> {
  const index = new Map(input.columns.map((column, i) => [column, i]));
  const fields = ALIGHT_LAYOUT.map((field) => ({ field, at: index.get(field.column) }));
  const filler = ' '.repeat(ALIGHT_RECORD_BYTES - endOf(ALIGHT_LAYOUT));
  return textChunks(input.rows, input.columns.length, {
    head: '',
    row: (cells) =>
      fields
        .map(({ field, at }) => fixed(field, at === undefined ? null : (cells[at] ?? null)))
        .join('') +
      filler +
      '\r\n',
    tail: () => '',
  });
}

function endOf(layout: readonly AlightField[]): number {
  const last = layout[layout.length - 1];
  return last === undefined ? 0 : last.start - 1 + last.length;
}

function fixed(field: AlightField, value: Value): string {
  const raw = value === null ? '' : String(value);
  if (field.kind === 'number') {
    const digits = raw.replace(/\D/g, '');
    return digits === ''
      ? ' '.repeat(field.length)
      : digits.slice(-field.length).padStart(field.length, '0');
  }
  if (field.kind === 'date') {
    const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw.trim());
    return (match ? `${match[1]}${match[2]}${match[3]}` : '').padEnd(field.length);
  }
  const text = field.codes === undefined ? raw : memberCode(raw.trim(), field.codes);
  return ascii(formulaSafeCell(text)).slice(0, field.length).padEnd(field.length);
}

/** ASCII only, so one character is one byte: accents dropped, controls and the rest as `?`. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/gu, '?');
}
