/** @allot/core's public API, data blocks and their files, export formats, finds and pool files: re-exported whole by the package's index. */
export { parseCsv } from '../data-block/parse-csv.js';
export { parseJsonRows } from '../data-block/parse-json-rows.js';
export { parseDataFile, hashSource } from '../data-block/parse-data-file.js';
export { compareVersions, nextVersion } from '../data-block/next-version.js';
export { nextVersionMeta } from '../data-block/next-version-meta.js';
export { formulaSafeCell } from '../data-block/formula-safe-cell.js';
export { TABLE_FORMATS, writeTable, type TableFormat } from '../data-block/write-table.js';
export {
  EXPORT_FORMATS,
  EXPORT_FORMAT_NAMES,
  isExportFormat,
  type ExportFormat,
  type ExportFormatInfo,
} from '../exports/export-format.js';
export type { ExportChunk, ExportInput, RowSource } from '../exports/export-input.js';
export { collectExport, writeExport, type ExportOptions } from '../exports/write-export.js';
export { TDO_DOWNLOAD_FORMATS, tdoDownloadFormat } from '../exports/tdo-download-format.js';
export {
  X12_834_COLUMNS,
  X12_TEMPLATES,
  isX12Template,
  type X12Template,
  type X12TemplateParties,
} from '../exports/x12-834-mapping.js';
export type { X12834Options } from '../exports/write-x12-834-export.js';
export {
  ALIGHT_LAYOUT,
  ALIGHT_RECORD_BYTES,
  type AlightField,
  type AlightFieldKind,
} from '../exports/alight-layout.js';
export { SEQUENCE_COLUMN } from '../exports/write-delimited-export.js';
export { compileWhere } from '../find/compile-where.js';
export { CONDITION_OPERATORS } from '../find/compile-condition.js';
export { toNumber } from '../find/to-number.js';
export { describeWhere } from '../find/describe-where.js';
export {
  parsePoolFile,
  parsePoolSource,
  validatePoolObject,
  type ParsedPoolFile,
} from '../pool/parse-pool-file.js';
export { loadPoolFile } from '../pool/load-pool-file.js';
