import type { Dexie } from 'dexie';

/**
 * Schema v1: the whole domain of PRODUCT.md. Only queried fields are indexed; everything else
 * is stored unindexed. Compound indexes serve the timeline ([accountId+at]) and the birthday
 * reminder scan ([birthday.month+birthday.day]).
 */
export const V1_STORES = {
  accounts:
    'id, name, customerNumber, ownerId, category, accountType, lifecycle, postalCode, city, country, leadSourceId, referredByAccountId, lastHumanContactAt, updatedAt, deletedAt, *tags',
  contacts: 'id, accountId, lastName, email, [birthday.month+birthday.day], updatedAt, deletedAt',
  interactions:
    'id, accountId, [accountId+at], at, userId, type, status, [status+at], followUpDate, *contactIds, dealId, sourceKey, updatedAt',
  deals: 'id, accountId, stage, ownerId, expectedClose, updatedAt',
  sales: 'id, accountId, [accountId+date], date, updatedAt',
  leadSources: 'id, name, updatedAt',
  teamMembers: 'id, name, updatedAt',
  segmentRules: 'id, updatedAt',
  activityPlans: 'id, segment, updatedAt',
  reminderStates: 'id, updatedAt',
  automationRules: 'id, kind, updatedAt',
  settings: 'id',
  drafts: 'id, updatedAt',
  savedViews: 'id, list',
  importBatches: 'id, at',
} as const;

export function migrateV1(db: Dexie): void {
  db.version(1).stores(V1_STORES);
}
