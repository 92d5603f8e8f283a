import { z } from 'zod';
import { ROLES, type TeamMember } from '../domain';
import { stripDirectionControls } from '../text/bidi';
import { isEmail } from './email';
import { validateWith, type Validated } from './result';

/** The fields of a team member a team lead edits. */
export type TeamMemberInput = Pick<TeamMember, 'name' | 'initials' | 'color' | 'role' | 'email' | 'active'>;

export const teamMemberSchema = z.object({
  name: z.string().overwrite(stripDirectionControls).trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
  initials: z.string().trim().toUpperCase().regex(/^\p{L}{1,3}$/u, { error: 'invalidInitials' }),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, { error: 'invalidColor' }),
  role: z.enum(ROLES),
  email: z.string().trim().refine((v) => v === '' || isEmail(v), { error: 'invalidEmail' }),
  active: z.boolean(),
});

export function validateTeamMember(input: unknown): Validated<TeamMemberInput> {
  return validateWith(teamMemberSchema, input) as Validated<TeamMemberInput>;
}
