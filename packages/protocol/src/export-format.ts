import { Type, type Static } from 'typebox';

/**
 * The formats a data block version downloads in, as `?format=` names them.
 * The same list as `@allot/core`'s export writers (a server test keeps the
 * two equal: this package does not import core).
 */
export const EXPORT_FORMAT_NAMES = [
  'csv',
  'json',
  'tsv',
  'pipe',
  'csv-seq',
  'tsv-seq',
  'html',
  'xml',
  'sql',
  'sqlite',
  'x12-834',
  'alight',
] as const;

/** A download format by name. */
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** The state templates of an EDI X12 834 download: `or` any state on the federal platform. */
export const X12_TEMPLATE_NAMES = ['or', 'ca', 'co', 'ga', 'wa'] as const;

/** The query of a block version download. */
export const BlockDownloadQuery = Type.Object({
  format: Type.Enum([...EXPORT_FORMAT_NAMES], {
    default: 'csv',
    description: 'The file format; csv by default.',
  }),
  template: Type.Optional(
    Type.Enum([...X12_TEMPLATE_NAMES], {
      description: 'x12-834 only: the exchange addressed (or = federal platform); or by default.',
    }),
  ),
  record: Type.Optional(
    Type.Integer({
      minimum: -1,
      description: 'x12-834 only: -1 (the default) for every row, n for row n alone (from 0).',
    }),
  ),
});

/** The query of a block version download. */
export type BlockDownloadParams = Static<typeof BlockDownloadQuery>;
