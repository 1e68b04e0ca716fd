import { validateBusinessRule, type CatalogueStore, type ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import {
  BUSINESS_RULE_KIND,
  coverageEvent,
  RULE_EVENT_KINDS,
  newRuleName,
  requireOwnLock,
  setRef,
  type BusinessRuleBody,
  type BusinessRuleRecord,
} from './coverage-records.js';
import type { EventLog } from './event-log.js';
import { ruleAttributes, ruleScope, type InCoverageSet } from './rule-scope.js';

/** A business rule to add to a coverage set version: `{conditions}` as the client sent it. */
export interface NewBusinessRule extends InCoverageSet {
  rule: unknown;
  /** Where the rule sits in the request (`entity`), prefixed to error fields. */
  path?: string;
}

/**
 * Adds a business rule to a coverage set version the caller holds locked,
 * and records `rule.created`. Every condition names an attribute of the
 * set and values it has. The rule removes the combinations that match ALL
 * its conditions.
 *
 * @throws {@link AllotError} `LOCK_REQUIRED` or `CATALOGUE_LOCKED` without the caller's lock,
 *   `INVALID_INPUT` naming the field, `NOT_FOUND` for an unknown project or set.
 */
export async function createBusinessRule(
  store: ProjectStore & CatalogueStore,
  events: EventLog,
  input: NewBusinessRule,
  acting: Acting,
): Promise<BusinessRuleRecord> {
  const where = await ruleScope(store, input);
  requireOwnLock(where.set, acting);
  const { conditions } = validateBusinessRule(
    input.rule,
    await ruleAttributes(store, where),
    input.path ?? '',
  );
  const body: BusinessRuleBody = { coverageSet: setRef(where.set), conditions };
  const rule = (await store.putCatalogue(
    {
      kind: BUSINESS_RULE_KIND,
      workspace: where.scope.workspace,
      project: where.scope.key,
      name: newRuleName(body.coverageSet),
      body,
      actor: acting.user,
      expectedVersion: null,
    },
    acting.now,
  )) as BusinessRuleRecord;
  await events.record(
    coverageEvent(RULE_EVENT_KINDS[0], where.scope, `business-rule:${rule.id}`, acting, {
      rule: rule.id,
      coverageSet: body.coverageSet,
      conditions,
    }),
  );
  return rule;
}
