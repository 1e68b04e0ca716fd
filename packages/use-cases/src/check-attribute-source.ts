import { CoverageInputError, type BlockStore, type DeterminingAttribute } from '@allot/core';

/**
 * Refuses an attribute whose source names a data block version or column
 * that does not exist in the workspace: group-by and allocation read the
 * source's rows, so a dangling source would only fail later.
 *
 * @param path - where the attribute sits in the request, prefixed to error paths
 * @throws CoverageInputError `INVALID_INPUT` naming `source.name`, `source.version` or `source.attribute`
 */
export async function checkAttributeSource(
  store: BlockStore,
  workspace: string,
  attribute: DeterminingAttribute,
  path = '',
): Promise<void> {
  const source = attribute.source;
  if (source === undefined) return;
  const at = (field: string) => (path === '' ? `source.${field}` : `${path}.source.${field}`);
  const versions = await store.listBlockVersions(workspace, source.name);
  if (versions.length === 0)
    throw new CoverageInputError(at('name'), `data block "${source.name}" does not exist`);
  const version = versions.find((v) => v.version === source.version);
  if (version === undefined) {
    throw new CoverageInputError(
      at('version'),
      `data block "${source.name}" has no version ${source.version} (it has ${versions.map((v) => v.version).join(', ')})`,
    );
  }
  if (!version.columns.includes(source.attribute)) {
    throw new CoverageInputError(
      at('attribute'),
      `data block "${source.name}" ${source.version} has no column "${source.attribute}" (it has ${version.columns.join(', ')})`,
    );
  }
}
