import { describe, expect, it } from 'vitest';
import { isAllotError } from '../errors.js';
import { parseODataQuery } from './parse-odata-query.js';
import { runODataQuery } from './run-odata-query.js';

const FIELDS = ['name', 'age', 'city', 'note'];

function where(filter: string) {
  return parseODataQuery({ $filter: filter }, FIELDS).where;
}

function refusal(params: Record<string, string>): { field: unknown; message: string } {
  try {
    parseODataQuery(params, FIELDS);
  } catch (error) {
    if (isAllotError(error) && error.code === 'INVALID_INPUT')
      return { field: error.details.field, message: error.message };
    throw error;
  }
  throw new Error('no refusal');
}

describe('parseODataQuery', () => {
  it('compiles every operator onto the find filter', () => {
    expect(where("name eq 'Ann'")).toEqual({ name: { eq: 'Ann' } });
    expect(where('age ne 3')).toEqual({ age: { ne: 3 } });
    expect(where('age gt 1 and age ge 2 and age lt 9 and age le 8')).toEqual({
      and: [{ age: { gt: 1 } }, { age: { gte: 2 } }, { age: { lt: 9 } }, { age: { lte: 8 } }],
    });
    expect(where('10 gt age')).toEqual({ age: { lt: 10 } });
    expect(where("contains(name,'n') or startswith(city,'Ber') or endswith(note,'!')")).toEqual({
      or: [
        { name: { contains: 'n' } },
        { city: { startsWith: 'Ber' } },
        { note: { endsWith: '!' } },
      ],
    });
    expect(where("city in ('Berlin', 'Paris', 3, null)")).toEqual({
      city: { in: ['Berlin', 'Paris', 3, null] },
    });
    expect(where('note eq null')).toEqual({ note: { isNull: true } });
    expect(where('note ne null')).toEqual({ note: { isNull: false } });
    expect(where("name eq 'O''Brien'")).toEqual({ name: { eq: "O'Brien" } });
    expect(where("city eq 'a in (b)'")).toEqual({ city: { eq: 'a in (b)' } });
  });

  it('gives not, and, or their OData precedence, parentheses first', () => {
    expect(where('age eq 1 and not age eq 2 or age eq 3')).toEqual({
      or: [{ and: [{ age: { eq: 1 } }, { not: { age: { eq: 2 } } }] }, { age: { eq: 3 } }],
    });
    expect(where('not (age eq 1 or age eq 2) and age eq 3')).toEqual({
      and: [{ not: { or: [{ age: { eq: 1 } }, { age: { eq: 2 } }] } }, { age: { eq: 3 } }],
    });
    expect(where('age eq 1 and (age eq 2 or age eq 3)')).toEqual({
      and: [{ age: { eq: 1 } }, { or: [{ age: { eq: 2 } }, { age: { eq: 3 } }] }],
    });
  });

  it('answers 400 naming the unknown field, the bad literal or the unsupported function', () => {
    expect(refusal({ $filter: "town eq 'x'" })).toMatchObject({
      field: '$filter',
      message: expect.stringContaining('unknown field "town"'),
    });
    expect(refusal({ $filter: "tolower(name) eq 'x'" }).message).toContain(
      'unsupported function "tolower"',
    );
    expect(refusal({ $filter: 'age eq 5L' }).message).toContain('near "L"');
    expect(refusal({ $filter: "age gt 'soon'" }).message).toContain('$filter');
    expect(refusal({ $filter: 'age eq name' }).message).toContain('compares two fields');
    expect(refusal({ $orderby: 'town desc' })).toMatchObject({ field: '$orderby' });
    expect(refusal({ $select: 'name,town' })).toMatchObject({ field: '$select' });
    expect(refusal({ $top: '1001' })).toMatchObject({ field: '$top' });
    expect(refusal({ $top: '-1' })).toMatchObject({ field: '$top' });
    expect(refusal({ $skip: 'x' })).toMatchObject({ field: '$skip' });
    expect(refusal({ $count: 'yes' })).toMatchObject({ field: '$count' });
  });

  it('caps $top, defaults the page, reads $orderby, $select and $count', () => {
    expect(parseODataQuery({}, FIELDS)).toEqual({
      where: undefined,
      order: [],
      skip: 0,
      top: 50,
      select: undefined,
      count: false,
    });
    expect(
      parseODataQuery(
        {
          $orderby: 'age desc, name',
          $top: '1000',
          $skip: '5',
          $select: 'name,age',
          $count: 'true',
        },
        FIELDS,
      ),
    ).toMatchObject({
      order: [
        { column: 'age', direction: 'desc' },
        { column: 'name', direction: 'asc' },
      ],
      top: 1000,
      skip: 5,
      select: ['name', 'age'],
      count: true,
    });
  });
});

describe('runODataQuery', () => {
  const people = [
    { name: 'Ann', age: 31, city: 'Berlin', note: '' },
    { name: 'Bob', age: '9', city: 'Paris', note: 'x' },
    { name: 'Cy', age: 'unknown', city: 'Berlin', note: null },
    { name: 'Di', age: null, city: 'Rome', note: 'y' },
    { name: 'Ed', age: 100, city: 'Berlin', note: 'z' },
  ];
  const run = (params: Record<string, string>) =>
    runODataQuery(
      people,
      FIELDS,
      (p) => [p.name, p.age, p.city, p.note],
      parseODataQuery(params, FIELDS),
    );

  it('filters, counts, orders numbers before text and empties last, then pages', () => {
    const page = run({
      $filter: "city ne 'Rome'",
      $orderby: 'age desc',
      $top: '3',
      $count: 'true',
    });
    expect(page.count).toBe(4);
    expect(page.items.map((p) => p.name)).toEqual(['Ed', 'Ann', 'Bob']);
    expect(run({ $orderby: 'age' }).items.map((p) => p.name)).toEqual([
      'Bob',
      'Ann',
      'Ed',
      'Cy',
      'Di',
    ]);
    expect(
      run({ $orderby: 'city,name desc', $skip: '1', $top: '2' }).items.map((p) => p.name),
    ).toEqual(['Cy', 'Ann']);
    expect(run({ $filter: 'note eq null' }).items.map((p) => p.name)).toEqual(['Ann', 'Cy']);
  });
});
