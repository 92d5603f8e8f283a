import { create } from 'zustand';
import type { InteractionType } from '../../../shared/domain';

/** What the log dialog was opened for. */
export type LogRequest = {
  /** Prefilled account; absent = the user picks one. */
  accountId?: string;
  /** Book a future appointment instead of logging one. */
  planned?: boolean;
  /** Complete this planned appointment. */
  completeId?: string;
  /** Preselected type (e.g. "new complaint"). */
  type?: InteractionType;
};

/** One log dialog for the whole app, opened from the shortcut, the account page or the briefing. */
export const useLogDialog = create<{ request?: LogRequest; seq: number; open: (r: LogRequest) => void; close: () => void }>((set) => ({
  request: undefined,
  seq: 0,
  open: (request) => set((s) => ({ request, seq: s.seq + 1 })),
  close: () => set({ request: undefined }),
}));

/** The drafts row of a request: one draft per account for new entries, one per completed appointment. */
export function draftKeyOf(r: LogRequest): string {
  if (r.completeId) return `interaction:complete:${r.completeId}`;
  return `interaction:${r.planned ? 'plan' : 'new'}:${r.accountId ?? 'any'}${r.type === 'complaint' ? ':complaint' : ''}`;
}
