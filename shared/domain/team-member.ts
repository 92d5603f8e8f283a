import type { RepWeek } from '../planning/rep-week';
import type { RowMeta } from './common';

export const ROLES = ['rep', 'lead'] as const;
export type Role = (typeof ROLES)[number];

/** A person on the team; each install has one as its own seat. */
export type TeamMember = RowMeta & {
  /** Full name. */
  name: string;
  /** Two or three letters shown in dense lists. */
  initials: string;
  /** Colour for badges, as `#rrggbb`. */
  color: string;
  /** Rep or team lead. */
  role: Role;
  /** E-mail, for calendar invitations. */
  email: string;
  /** Inactive members keep their history but get no new accounts. */
  active: boolean;
  /** How this rep works a week (start point, hours, days off); undefined until set. Synced as one value. */
  week?: RepWeek;
};
