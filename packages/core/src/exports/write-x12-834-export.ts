import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import { AllotError } from '../errors.js';
import type { Value } from '../model/block-version.js';
import type { ExportInput } from './export-input.js';
import { GENDER_CODES, RELATIONSHIP_CODES, memberCode } from './member-code.js';
import { textChunks, type TextLayout } from './text-chunks.js';
import { X12_TEMPLATES, isX12Template, type X12Template } from './x12-834-mapping.js';

/** Choices of an 834 export; every one has a default. */
export interface X12834Options {
  /** The exchange addressed, `or` (federal platform) by default. */
  template?: X12Template;
  /** `-1` (the default) writes every row; `n` writes row n alone (0-based: "row n+1"). */
  record?: number;
  /** ISA13 and GS06, 1 to 999999999; 1 by default. A sender raises it per file. */
  controlNumber?: number;
  /** The interchange date and time (UTC); now by default. */
  now?: Date;
  /** ISA06 and GS02; `ALLOT` by default. */
  senderId?: string;
  /** The plan sponsor (N1*P5): name and federal tax id. */
  sponsorName?: string;
  sponsorId?: string;
  /** ISA15: `T` (test data, the default) or `P` (production). */
  usage?: 'T' | 'P';
}

const IMPLEMENTATION = '005010X220A1';

/**
 * An EDI X12 834 benefit enrollment (005010X220A1): one interchange, one
 * functional group, one transaction set, one member loop (2000 with its
 * 2100A and 2300) per row, filled from the columns named in
 * `X12_834_COLUMNS`. Segments end in `~` and a line break, elements are
 * separated by `*`, components by `:`, repetitions by `^`; those characters
 * and line breaks inside values become spaces, and text values are
 * formula-safe. SE01 counts the segments from ST to SE, GE and IEA close
 * with their control numbers.
 */
export function writeX12834Export(
  input: ExportInput,
  options: X12834Options = {},
): AsyncGenerator<string> {
  return textChunks(input.rows, input.columns.length, layout(input, checked(options)));
}

type Checked = Required<Omit<X12834Options, 'template'>> & { template: X12Template };

function checked(options: X12834Options): Checked {
  const template = options.template ?? 'or';
  if (!isX12Template(template)) {
    throw new AllotError(
      'INVALID_INPUT',
      `template: "${String(template)}" is not one of ${Object.keys(X12_TEMPLATES).join(', ')}`,
      { field: 'template' },
    );
  }
  const record = options.record ?? -1;
  if (!Number.isInteger(record) || record < -1) {
    throw new AllotError(
      'INVALID_INPUT',
      `record: ${record} is not -1 (every row) or a row number from 0`,
      { field: 'record' },
    );
  }
  const controlNumber = options.controlNumber ?? 1;
  if (!Number.isInteger(controlNumber) || controlNumber < 1 || controlNumber > 999_999_999) {
    throw new AllotError(
      'INVALID_INPUT',
      `controlNumber: ${controlNumber} is not an integer from 1 to 999999999`,
      { field: 'controlNumber' },
    );
  }
  return {
    template,
    record,
    controlNumber,
    now: options.now ?? new Date(),
    senderId: options.senderId ?? 'ALLOT',
    sponsorName: options.sponsorName ?? 'ALLOT TEST SPONSOR',
    sponsorId: options.sponsorId ?? '999999999',
    usage: options.usage ?? 'T',
  };
}

function layout(input: ExportInput, options: Checked): TextLayout {
  const parties = X12_TEMPLATES[options.template];
  const iso = options.now.toISOString();
  const date = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 16).replace(':', '');
  const control = String(options.controlNumber).padStart(9, '0');
  const sender = element(options.senderId).slice(0, 15);
  // ISA is fixed width: every element padded to its size.
  const isa =
    [
      'ISA',
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      'ZZ',
      sender.padEnd(15),
      'ZZ',
      parties.receiverId.padEnd(15),
      date.slice(2),
      time,
      '^',
      '00501',
      control,
      '0',
      options.usage,
      ':',
    ].join('*') + '~\n';
  const set = [
    segment('ST', '834', '0001', IMPLEMENTATION),
    segment('BGN', '00', control, date, time, '', '', '', '2'),
    segment('N1', 'P5', element(options.sponsorName), 'FI', element(options.sponsorId)),
    segment('N1', 'IN', parties.insurerName, 'FI', parties.insurerId),
  ];
  const at = new Map(input.columns.map((column, i) => [column, i]));
  let count = set.length;
  let written = 0;
  return {
    head:
      isa +
      segment(
        'GS',
        'BE',
        sender,
        parties.receiverId,
        date,
        time,
        String(options.controlNumber),
        'X',
        IMPLEMENTATION,
      ) +
      set.join(''),
    row: (cells, index) => {
      if (options.record !== -1 && index !== options.record) return '';
      const member = memberLoop(
        (column) => {
          const i = at.get(column);
          return i === undefined ? '' : text(cells[i] ?? null);
        },
        index,
        date,
      );
      count += member.length;
      written++;
      return member.join('');
    },
    tail: () => {
      if (options.record !== -1 && written === 0) {
        throw new AllotError(
          'NOT_FOUND',
          `record: the block has no row ${options.record} (rows count from 0)`,
          { field: 'record' },
        );
      }
      // SE01 counts ST to SE, both included.
      return (
        segment('SE', String(count + 1), '0001') +
        segment('GE', '1', String(options.controlNumber)) +
        segment('IEA', '1', control)
      );
    },
  };
}

/** The segments of one member: loop 2000, 2100A and 2300. */
function memberLoop(cell: (column: string) => string, number: number, fileDate: string): string[] {
  const relationship = memberCode(cell('relationship'), RELATIONSHIP_CODES) || '18';
  const maintenance = cell('maintenance_type') || '021';
  const out = [
    segment(
      'INS',
      relationship === '18' ? 'Y' : 'N',
      relationship,
      maintenance,
      cell('maintenance_reason') || '28',
      cell('benefit_status') || 'A',
      '',
      '',
      cell('employment_status') || 'FT',
    ),
    segment('REF', '0F', cell('subscriber_id') || String(number + 1)),
  ];
  if (cell('group_number')) out.push(segment('REF', '1L', cell('group_number')));
  if (cell('member_id')) out.push(segment('REF', '23', cell('member_id')));
  const eligibility = d8(cell('eligibility_start'));
  if (eligibility) out.push(segment('DTP', '356', 'D8', eligibility));
  const ssn = cell('ssn').replace(/\D/g, '');
  out.push(
    segment(
      'NM1',
      'IL',
      '1',
      cell('last_name'),
      cell('first_name'),
      cell('middle_name'),
      '',
      '',
      ssn ? '34' : '',
      ssn,
    ),
  );
  const phone = cell('phone').replace(/\D/g, '');
  if (phone) out.push(segment('PER', 'IP', '', 'TE', phone));
  if (cell('address_line1')) out.push(segment('N3', cell('address_line1'), cell('address_line2')));
  if (cell('city') || cell('state') || cell('zip'))
    out.push(segment('N4', cell('city'), cell('state'), cell('zip')));
  const birth = d8(cell('birth_date'));
  if (birth) out.push(segment('DMG', 'D8', birth, memberCode(cell('gender'), GENDER_CODES)));
  out.push(
    segment(
      'HD',
      maintenance,
      '',
      cell('insurance_line') || 'HLT',
      cell('plan_code'),
      cell('coverage_level'),
    ),
  );
  out.push(segment('DTP', '348', 'D8', d8(cell('coverage_start')) || fileDate));
  const end = d8(cell('coverage_end'));
  if (end) out.push(segment('DTP', '349', 'D8', end));
  return out;
}

/** A segment with its trailing empty elements dropped, as X12 requires. */
function segment(tag: string, ...elements: string[]): string {
  let last = elements.length;
  while (last > 0 && elements[last - 1] === '') last--;
  return [tag, ...elements.slice(0, last)].join('*') + '~\n';
}

/** A value as element text: formula-safe, with the delimiters and line breaks made spaces. */
function text(value: Value): string {
  return value === null ? '' : element(formulaSafeCell(String(value)));
}

function element(text: string): string {
  return text.replace(/[*~:^\r\n]/g, ' ').trim();
}

/** A date as CCYYMMDD, from YYYY-MM-DD or CCYYMMDD; empty when it is neither. */
function d8(value: string): string {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  return match ? `${match[1]}${match[2]}${match[3]}` : '';
}
