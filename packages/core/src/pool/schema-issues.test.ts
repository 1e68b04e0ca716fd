import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatPath } from './issue-path.js';
import { schemaIssues } from './schema-issues.js';

function issuesFor(schema: object, data: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  expect(validate(data)).toBe(false);
  return schemaIssues(validate.errors ?? [], data).map(
    (issue) => `${formatPath(issue.segments)}: ${issue.message}`,
  );
}

const alternatives = {
  type: 'object',
  properties: {
    value: {
      anyOf: [
        { type: 'string', minLength: 3 },
        {
          type: 'object',
          properties: { size: { type: 'integer' } },
          additionalProperties: false,
        },
      ],
    },
  },
};

describe('schemaIssues with anyOf', () => {
  it('keeps the error nested deepest inside the branch that was meant', () => {
    expect(issuesFor(alternatives, { value: { size: 'big' } })).toEqual([
      'value.size: must be an integer',
    ]);
  });

  it('prefers the keyword error of the branch whose type matched', () => {
    expect(issuesFor(alternatives, { value: 'ab' })).toEqual([
      'value: must be at least 3 characters long',
    ]);
  });

  it('merges plain type mismatches into one message', () => {
    expect(issuesFor(alternatives, { value: 4 })).toEqual(['value: must be a string or an object']);
  });
});

describe('schemaIssues messages', () => {
  it('names the allowed values of an enum', () => {
    const schema = { type: 'object', properties: { d: { enum: ['asc', 'desc'] } } };
    expect(issuesFor(schema, { d: 'up' })).toEqual(['d: must be one of: asc, desc']);
  });

  it('reports a missing property at its parent', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'object', required: ['test'] } },
    };
    expect(issuesFor(schema, { a: {} })).toEqual(['a: missing required property "test"']);
  });
});
