import {
  CoverageInputError,
  type AttributeRef,
  type CatalogueStore,
  type DeterminingAttribute,
} from '@allot/core';
import { ATTRIBUTE_KIND, type ProjectScope } from './coverage-records.js';

/**
 * The attributes a coverage set names, at the versions it names, in its
 * order. A reference to no attribute version is refused at its field
 * (`determiningAttributes[2].version`), prefixed with `path`.
 *
 * @throws CoverageInputError `INVALID_INPUT` naming the first dangling reference
 */
export async function setAttributes(
  store: CatalogueStore,
  scope: ProjectScope,
  refs: readonly AttributeRef[],
  path = '',
): Promise<DeterminingAttribute[]> {
  return Promise.all(
    refs.map(async (ref, i) => {
      const at = `${path === '' ? '' : `${path}.`}determiningAttributes[${i}]`;
      const name = { kind: ATTRIBUTE_KIND, workspace: scope.workspace, project: scope.key };
      const record = await store.getCatalogueByName({ ...name, name: ref.name }, ref.version);
      if (record !== undefined) return record.body as DeterminingAttribute;
      const latest = await store.getCatalogueByName({ ...name, name: ref.name });
      throw latest === undefined
        ? new CoverageInputError(
            `${at}.name`,
            `project "${scope.project.name}" ${scope.project.version} has no determining attribute "${ref.name}"`,
          )
        : new CoverageInputError(
            `${at}.version`,
            `determining attribute "${ref.name}" has no version ${ref.version} (latest ${latest.version})`,
          );
    }),
  );
}
