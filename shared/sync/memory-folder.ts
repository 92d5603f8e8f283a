/** In-memory folders for tests: a plain one, and a simulated shared folder that injects sync-tool faults. */
import { type Folder, type FolderEntry, FolderUnavailableError } from './folder';

/** A plain, reliable in-memory folder. Set `unmounted` to make it behave like a pulled USB stick. */
export class MemoryFolder implements Folder {
  readonly files = new Map<string, Uint8Array>();
  unmounted = false;

  async list(prefix: string): Promise<FolderEntry[]> {
    if (this.unmounted) throw new FolderUnavailableError('unmounted');
    return [...this.files].filter(([p]) => p.startsWith(prefix)).map(([path, b]) => ({ path, size: b.length }));
  }
  async read(path: string): Promise<Uint8Array | null> {
    if (this.unmounted) throw new FolderUnavailableError('unmounted');
    const b = this.files.get(path);
    return b ? b.slice() : null;
  }
  async writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    if (this.unmounted) throw new FolderUnavailableError('unmounted');
    this.files.set(path, bytes.slice());
  }
  async remove(path: string): Promise<void> {
    if (this.unmounted) throw new FolderUnavailableError('unmounted');
    this.files.delete(path);
  }
}

/** Deterministic PRNG (mulberry32) so a failing property run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Faults = {
  /** Rounds a file may take to reach another laptop (late files). */
  maxDelay: number;
  /** Chance that a file that just arrived reads as a half file (delivery in progress). */
  partialRead: number;
  /** Chance that the sync tool adds a conflicted copy of a written file (sometimes damaged). */
  conflictCopy: number;
  /** Chance that a write fails: rename refused (temp left), crash with a half file (no-rename FS), or error after success. */
  failWrite: number;
};

export const NO_FAULTS: Faults = { maxDelay: 0, partialRead: 0, conflictCopy: 0, failWrite: 0 };

type Version = { bytes: Uint8Array; round: number; writer: string; delays: Map<string, number> };

const COPY_STYLES = [
  (base: string, ext: string) => `${base} (conflicted copy 2026-11-23).${ext}`,
  (base: string, ext: string) => `${base}.sync-conflict-20261123-101010-ABCDEFG.${ext}`,
  (base: string, ext: string) => `${base}-DESKTOP-XYZ.${ext}`,
];

/**
 * A shared folder as several laptops see it through a sync tool: each device has a view; a file
 * written by one reaches the others after a random delay, may read half-delivered for a while, may
 * get conflicted copies, and writes may fail. Mutable files keep showing their old version until the
 * new one arrives. Deletions reach everyone at once (a later arrival would only delay compaction).
 */
export class SimulatedSharedFolder {
  round = 0;
  readonly files = new Map<string, Version[]>();
  readonly unmounted = new Set<string>();
  readonly random: () => number;

  constructor(
    seed: number,
    public faults: Faults,
  ) {
    this.random = seededRandom(seed);
  }

  /** Advances time by one round (files in flight arrive). */
  tick(): void {
    this.round++;
  }

  /** Lets every file arrive everywhere and stops injecting faults (for the final rounds of a test). */
  settle(): void {
    this.faults = NO_FAULTS;
    for (const versions of this.files.values())
      for (const v of versions) {
        v.delays.clear();
        v.round = -1;
      }
  }

  view(device: string): Folder {
    return {
      list: async (prefix) => {
        this.checkMounted(device);
        const out: FolderEntry[] = [];
        for (const [path, versions] of this.files) {
          const v = this.visible(versions, device);
          if (v && path.startsWith(prefix)) out.push({ path, size: v.bytes.length });
        }
        return out;
      },
      read: async (path) => {
        this.checkMounted(device);
        const v = this.visible(this.files.get(path) ?? [], device);
        if (!v) return null;
        const fresh = v.writer !== device && this.round <= v.round + this.delayOf(v, device) + 1;
        if (fresh && this.random() < this.faults.partialRead) return v.bytes.slice(0, Math.floor(v.bytes.length / 2));
        return v.bytes.slice();
      },
      writeAtomic: async (path, bytes) => {
        this.checkMounted(device);
        if (this.random() < this.faults.failWrite) {
          const mode = Math.floor(this.random() * 3);
          if (mode === 0) this.put(`${dirOf(path)}.${baseOf(path)}.tmp-${this.round}`, bytes.slice(0, 3), device);
          else if (mode === 1) this.put(path, bytes.slice(0, Math.floor(bytes.length / 2)), device);
          else this.put(path, bytes.slice(), device);
          throw Object.assign(new Error('simulated write failure'), { code: mode === 0 ? 'EPERM' : 'EIO' });
        }
        this.put(path, bytes.slice(), device);
        if (this.random() < this.faults.conflictCopy) {
          const damaged = this.random() < 0.3;
          this.put(conflictName(path, Math.floor(this.random() * COPY_STYLES.length)), damaged ? bytes.slice(0, bytes.length - 1) : bytes.slice(), 'sync-tool');
        }
      },
      remove: async (path) => {
        this.checkMounted(device);
        this.files.delete(path);
      },
    };
  }

  private checkMounted(device: string): void {
    if (this.unmounted.has(device)) throw new FolderUnavailableError('unmounted');
  }

  private put(path: string, bytes: Uint8Array, writer: string): void {
    const versions = this.files.get(path) ?? [];
    versions.push({ bytes, round: this.round, writer, delays: new Map() });
    this.files.set(path, versions.slice(-3));
  }

  private delayOf(v: Version, device: string): number {
    if (v.writer === device || v.round < 0) return 0;
    let d = v.delays.get(device);
    if (d === undefined) {
      d = Math.floor(this.random() * (this.faults.maxDelay + 1));
      v.delays.set(device, d);
    }
    return d;
  }

  private visible(versions: Version[], device: string): Version | undefined {
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i]!;
      if (this.round >= v.round + this.delayOf(v, device)) return v;
    }
    return undefined;
  }
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `dir/name.ext` → a conflicted-copy name in one of the styles sync tools use. */
export function conflictName(path: string, style = 0): string {
  const base = baseOf(path);
  const dot = base.lastIndexOf('.');
  return dirOf(path) + COPY_STYLES[style % COPY_STYLES.length]!(base.slice(0, dot), base.slice(dot + 1));
}
