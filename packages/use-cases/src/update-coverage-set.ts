import {
  validateAttributeRefs,
  validateBusinessRule,
  type CatalogueStore,
  type ProjectStore,
} from '@allot/core';
import type { Acting } from './acting.js';
import {
  BUSINESS_RULE_KIND,
  COVERAGE_SET_KIND,
  listAll,
  newRuleName,
  projectScope,
  recordById,
  requireOwnLock,
  rulePrefix,
  setRef,
  type BusinessRuleBody,
  type CoverageSetBody,
  type CoverageSetRecord,
  type InProject,
} from './coverage-records.js';
import { setAttributes } from './set-attributes.js';

/** A coverage set version to update, and the attribute list of the new version. */
export interface CoverageSetChanges extends InProject {
  /** The id of the version the change starts from. */
  id: string;
  /** The whole new list: attributes left out are removed, new ones added. */
  determiningAttributes: unknown;
  /** Where the list sits in the request (`entity`), prefixed to error fields. */
  path?: string;
}

/** The new version, and how many of the old version's rules it kept. */
export interface CoverageSetUpdate {
  set: CoverageSetRecord;
  rulesKept: number;
}

/**
 * Puts the next version of a coverage set (1.0 → 1.1 → 1.2), with an id of
 * its own; every earlier version stays usable under its id. The caller must
 * hold the lock of the version the change starts from; the new version keeps
 * that lock when it was the latest. The new version starts with copies of the
 * rules of the version it came from that still fit its attributes (a rule
 * naming a removed attribute or value is left behind).
 *
 * @throws {@link AllotError} `LOCK_REQUIRED` or `CATALOGUE_LOCKED` without the caller's lock,
 *   `INVALID_INPUT` naming the field, `NOT_FOUND` for an unknown id.
 */
export async function updateCoverageSet(
  store: ProjectStore & CatalogueStore,
  input: CoverageSetChanges,
  acting: Acting,
): Promise<CoverageSetUpdate> {
  const scope = await projectScope(store, input);
  const from = await recordById<CoverageSetBody>(store, scope, COVERAGE_SET_KIND, input.id);
  requireOwnLock(from, acting);
  const path = input.path ?? '';
  const refs = validateAttributeRefs(
    input.determiningAttributes,
    path === '' ? 'determiningAttributes' : `${path}.determiningAttributes`,
  );
  const attributes = await setAttributes(store, scope, refs, path);
  const name = { kind: COVERAGE_SET_KIND, workspace: scope.workspace, project: scope.key };
  const latest = await store.getCatalogueByName({ ...name, name: from.name });
  const set = (await store.putCatalogue(
    {
      ...name,
      name: from.name,
      body: { determiningAttributes: refs } satisfies CoverageSetBody,
      actor: acting.user,
      expectedVersion: latest?.version ?? from.version,
    },
    acting.now,
  )) as CoverageSetRecord;
  const rules = await listAll<BusinessRuleBody>(store, scope, BUSINESS_RULE_KIND, {
    namePrefix: rulePrefix(from),
    latestOnly: true,
  });
  let rulesKept = 0;
  for (const rule of rules) {
    let conditions;
    try {
      conditions = validateBusinessRule(rule.body, attributes).conditions;
    } catch {
      continue;
    }
    await store.putCatalogue(
      {
        kind: BUSINESS_RULE_KIND,
        workspace: scope.workspace,
        project: scope.key,
        name: newRuleName(setRef(set)),
        body: { coverageSet: setRef(set), conditions } satisfies BusinessRuleBody,
        actor: acting.user,
        expectedVersion: null,
      },
      acting.now,
    );
    rulesKept++;
  }
  return { set, rulesKept };
}
