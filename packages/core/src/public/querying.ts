/** @allot/core's public API, OData queries over rows: re-exported whole by the package's index. */
export { parseODataQuery } from '../querying/parse-odata-query.js';
export { compileODataFilter } from '../querying/compile-odata-filter.js';
export { compareODataRows, type ODataComparator } from '../querying/compare-odata-cells.js';
export { runODataQuery, selectFields, type ODataPage } from '../querying/run-odata-query.js';
export {
  DEFAULT_ODATA_LIMITS,
  type ODataLimits,
  type ODataParams,
  type ODataQuery,
} from '../querying/odata-query.js';
