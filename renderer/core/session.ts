import { create } from 'zustand';

/** Who sits at this laptop; set once the shell mounts. */
export const useSession = create<{ selfId: string; setSelf: (id: string) => void }>((set) => ({
  selfId: '',
  setSelf: (selfId) => set({ selfId }),
}));
