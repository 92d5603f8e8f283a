import { newId, type TeamMember } from '../../../shared/domain';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';
import { setSetting } from './settings';
import { validateTeamMember } from '../../../shared/validation/team';
import type { WriteResult } from '../accounts/account-writes';

const PALETTE = ['#2f6f9f', '#9f4f2f', '#3f8f5f', '#7f5faf', '#af8f2f', '#2f8f8f'];

/** Initials from a name: "Anna-Lena Schröder" → "AS". */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export async function listTeam(): Promise<TeamMember[]> {
  return getDb().teamMembers.orderBy('name').toArray();
}

/** Creates the seat's own team member and remembers it as "me". */
export async function createSelf(name: string): Promise<TeamMember> {
  const db = getDb();
  const count = await db.teamMembers.count();
  const member: TeamMember = {
    id: newId(),
    name: name.trim(),
    initials: initialsOf(name),
    color: PALETTE[count % PALETTE.length] ?? '#2f6f9f',
    role: 'rep',
    email: '',
    active: true,
    updatedAt: Date.now(),
  };
  await runWrite([db.teamMembers, db.settings], async () => {
    await db.teamMembers.add(member);
    await setSetting('selfMemberId', member.id);
  }, { label: 'team' });
  return member;
}

/** Adds a colleague (validated); their accounts can then be assigned to them. */
export async function addMember(raw: unknown): Promise<WriteResult<TeamMember>> {
  const checked = validateTeamMember(raw);
  if (!checked.ok) return checked;
  const row: TeamMember = { ...checked.value, id: newId(), updatedAt: Date.now() };
  await runWrite((d) => [d.teamMembers], () => getDb().teamMembers.add(row), { label: 'team' });
  return { ok: true, row };
}

export async function updateMember(id: string, raw: unknown): Promise<WriteResult<TeamMember>> {
  const checked = validateTeamMember(raw);
  if (!checked.ok) return checked;
  const db = getDb();
  const before = await db.teamMembers.get(id);
  if (!before) return { ok: false, errors: { _: 'notFound' } };
  const row: TeamMember = { ...before, ...checked.value, updatedAt: Date.now() };
  await runWrite([db.teamMembers], () => db.teamMembers.put(row), { label: 'team' });
  return { ok: true, row };
}

/** A colour for the next member, from the palette. */
export function nextColor(count: number): string {
  return PALETTE[count % PALETTE.length] ?? '#2f6f9f';
}
