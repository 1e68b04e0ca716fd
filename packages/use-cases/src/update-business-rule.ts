import { validateBusinessRule, type CatalogueStore, type ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import {
  BUSINESS_RULE_KIND,
  coverageEvent,
  RULE_EVENT_KINDS,
  requireOwnLock,
  type BusinessRuleBody,
  type BusinessRuleRecord,
} from './coverage-records.js';
import type { EventLog } from './event-log.js';
import { ruleAttributes, ruleById, ruleScope, type InCoverageSet } from './rule-scope.js';

/** New conditions for a business rule of a coverage set version. */
export interface BusinessRuleChanges extends InCoverageSet {
  id: string;
  /** `{conditions}`: the rule's whole new set of conditions. */
  rule: unknown;
  path?: string;
}

/**
 * Replaces a rule's conditions (a new version of the rule, same id) in a
 * coverage set version the caller holds locked, and records `rule.updated`
 * with the conditions before and after.
 *
 * @throws {@link AllotError} `LOCK_REQUIRED` or `CATALOGUE_LOCKED` without the caller's lock,
 *   `INVALID_INPUT` naming the field, `NOT_FOUND` for an unknown project, set or rule.
 */
export async function updateBusinessRule(
  store: ProjectStore & CatalogueStore,
  events: EventLog,
  input: BusinessRuleChanges,
  acting: Acting,
): Promise<BusinessRuleRecord> {
  const where = await ruleScope(store, input);
  const before = await ruleById(store, where, input.id);
  requireOwnLock(where.set, acting);
  const { conditions } = validateBusinessRule(
    input.rule,
    await ruleAttributes(store, where),
    input.path ?? '',
  );
  const body: BusinessRuleBody = { coverageSet: before.body.coverageSet, conditions };
  const rule = (await store.putCatalogue(
    {
      kind: BUSINESS_RULE_KIND,
      workspace: where.scope.workspace,
      project: where.scope.key,
      name: before.name,
      body,
      actor: acting.user,
      keepId: true,
      expectedVersion: before.version,
    },
    acting.now,
  )) as BusinessRuleRecord;
  await events.record(
    coverageEvent(RULE_EVENT_KINDS[1], where.scope, `business-rule:${rule.id}`, acting, {
      rule: rule.id,
      coverageSet: body.coverageSet,
      conditions,
      previous: before.body.conditions,
    }),
  );
  return rule;
}
