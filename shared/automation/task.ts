import type { Id, IsoDate, IsoInstant } from '../domain/common';
import type { Interaction, InteractionType } from '../domain/interaction';
import { defaultMode, kindOf } from '../domain/interaction';

/** What every rule needs besides the data. */
export type AutomationContext = {
  /** Day the rules run on, in the local calendar of `tz`. */
  today: IsoDate;
  /** IANA zone whose local days `today` and the deals' instants are read in; default the laptop's. */
  tz?: string;
  /** Epoch milliseconds stamped as createdAt/updatedAt of new rows. */
  nowMs: number;
  /** sourceKeys of all existing interactions, trashed ones included (see `existingSourceKeys`). */
  existingKeys: ReadonlySet<string>;
  /** Start instant of a task on a day; default 08:00 UTC (09:00 in Germany in winter, 10:00 in summer). */
  startOf?: (day: IsoDate) => IsoInstant;
  /** Only create tasks for this team member (the seat running the rules); default everyone. */
  forUserId?: Id;
};

/**
 * Every sourceKey already used. Trashed rows count too: a task the user deleted must not come
 * back the next time the rules run.
 */
export function existingSourceKeys(interactions: readonly Interaction[]): Set<string> {
  const keys = new Set<string>();
  for (const i of interactions) if (i.sourceKey !== undefined && i.sourceKey !== '') keys.add(i.sourceKey);
  return keys;
}

/** 32-bit hash (cyrb53 mixing) of a string with a seed. */
function hash32(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/**
 * A UUID-shaped id derived from the sourceKey. Two laptops running the same rule on the same
 * synced deal create the same row id, so sync merges them into one task instead of two.
 */
export function idFromSourceKey(key: string): Id {
  const hex = [1, 2, 3, 4].map((seed) => hash32(key, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Replaces `{name}` placeholders; unknown ones stay as written. */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** Reads a number parameter, falling back when absent or not a finite number. */
export function numParam(params: Record<string, number | string>, name: string, fallback: number): number {
  const v = params[name];
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

/** Reads a text parameter, falling back when absent or empty. */
export function textParam(params: Record<string, number | string>, name: string, fallback: string): string {
  const v = params[name];
  return typeof v === 'string' && v.trim() !== '' ? v : fallback;
}

export type PlannedTask = {
  sourceKey: string;
  accountId: Id;
  userId: Id;
  type: InteractionType;
  day: IsoDate;
  subject: string;
  summary?: string;
  contactIds?: Id[];
  dealId?: Id;
};

/** A planned Interaction for a generated task. */
export function plannedInteraction(task: PlannedTask, ctx: AutomationContext): Interaction {
  const startOf = ctx.startOf ?? ((day: IsoDate) => `${day}T08:00:00.000Z`);
  return {
    id: idFromSourceKey(task.sourceKey),
    updatedAt: ctx.nowMs,
    accountId: task.accountId,
    ...kindOf(task.type, task.userId),
    mode: defaultMode(task.type),
    status: 'planned',
    at: startOf(task.day),
    userId: task.userId,
    contactIds: task.contactIds ?? [],
    subject: task.subject,
    summary: task.summary ?? '',
    nextStep: '',
    ...(task.dealId === undefined ? {} : { dealId: task.dealId }),
    sourceKey: task.sourceKey,
    createdAt: ctx.nowMs,
  };
}
