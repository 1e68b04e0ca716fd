import type { CatalogueStore, ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import {
  coverageEvent,
  RULE_EVENT_KINDS,
  requireOwnLock,
  type BusinessRuleRecord,
} from './coverage-records.js';
import { deleteCatalogueRecord } from './delete-catalogue-record.js';
import type { EventLog } from './event-log.js';
import { ruleById, ruleScope, type InCoverageSet } from './rule-scope.js';

/**
 * Deletes one business rule of a coverage set version the caller holds
 * locked, and records `rule.deleted`. Callers check the admin role.
 *
 * @throws {@link AllotError} `LOCK_REQUIRED` or `CATALOGUE_LOCKED` without the caller's lock,
 *   `NOT_FOUND` for an unknown project, set or rule.
 */
export async function deleteBusinessRule(
  store: ProjectStore & CatalogueStore,
  events: EventLog,
  input: InCoverageSet & { id: string },
  acting: Acting,
): Promise<BusinessRuleRecord> {
  const where = await ruleScope(store, input);
  const rule = await ruleById(store, where, input.id);
  requireOwnLock(where.set, acting);
  await deleteCatalogueRecord(store, rule, { actor: acting.user, now: acting.now });
  await events.record(
    coverageEvent(RULE_EVENT_KINDS[2], where.scope, `business-rule:${rule.id}`, acting, {
      rule: rule.id,
      coverageSet: rule.body.coverageSet,
      conditions: rule.body.conditions,
    }),
  );
  return rule;
}
