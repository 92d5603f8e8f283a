/**
 * Hybrid logical clock (Kulkarni et al.): physical milliseconds plus a counter, so causally later
 * events always get larger stamps even when wall clocks disagree. Encoded as
 * `<wall: 15 digits>-<counter: 6 digits>-<device>`: fixed-width numbers make plain string comparison
 * the clock order, and the device id at the end breaks ties between devices deterministically.
 */

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const COUNTER_MAX = 10 ** COUNTER_DIGITS - 1;

/** A decoded stamp. */
export type HlcParts = {
  /** Milliseconds since the epoch (as the stamping device believed). */
  wall: number;
  /** Tie counter within one millisecond. */
  counter: number;
  /** Device that made the stamp. */
  device: string;
};

/** Device ids end up in file names and stamps: letters, digits, `_` and `-` only. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeHlc(p: HlcParts): string {
  if (!Number.isInteger(p.wall) || p.wall < 0) throw new Error(`invalid HLC wall ${p.wall}`);
  return `${String(p.wall).padStart(WALL_DIGITS, '0')}-${String(p.counter).padStart(COUNTER_DIGITS, '0')}-${p.device}`;
}

const HLC_PATTERN = /^(\d{15})-(\d{6})-([A-Za-z0-9_-]{1,64})$/;

/** Parses a stamp; throws on anything malformed. */
export function decodeHlc(hlc: string): HlcParts {
  const m = HLC_PATTERN.exec(hlc);
  if (!m) throw new Error(`invalid HLC ${hlc}`);
  return { wall: Number(m[1]), counter: Number(m[2]), device: m[3]! };
}

/** The device of a stamp already checked with `isHlc`: no second regex per field when thousands of documents are decoded. */
export function deviceOfHlc(hlc: string): string {
  return hlc.slice(WALL_DIGITS + COUNTER_DIGITS + 2);
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

/** Clock order: negative when a is earlier. Plain string order by construction. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Larger of two stamps. */
export function maxHlc(a: string, b: string): string {
  return compareHlc(a, b) >= 0 ? a : b;
}

/**
 * How far a received stamp may move this clock past its own physical time. Standard HLC follows any
 * remote stamp, so one laptop whose clock ran 48 h ahead (once trusted) dragged every other laptop's
 * clock ahead, and their later edits were quarantined everywhere as "from the future". Causality no
 * longer needs it: an edit is stamped above the row it changes (`tickAfter`), whatever the clocks.
 */
export const MAX_RECEIVE_DRIFT_MS = 60_000;

/** The stamp just above `stamp`, on this device (next counter; an exhausted counter borrows the next ms). */
export function successorHlc(stamp: string, device: string): string {
  const p = decodeHlc(stamp);
  return p.counter < COUNTER_MAX ? encodeHlc({ wall: p.wall, counter: p.counter + 1, device }) : encodeHlc({ wall: p.wall + 1, counter: 0, device });
}

/** The clock of one device. Keep one instance per running app and pass it to whoever stamps edits. */
export class HlcClock {
  private wall = 0;
  private counter = 0;
  /** See MAX_RECEIVE_DRIFT_MS (tests set it to check the bound). */
  maxDriftMs = MAX_RECEIVE_DRIFT_MS;

  /**
   * @param device id written into every stamp; the engine changes it when a cloned install is detected
   * @param now physical time source (injectable for tests and skewed simulated devices)
   * @param last the last stamp this device issued or saw (persisted), so a restart never goes back
   */
  constructor(
    public device: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    if (last) this.observe(last);
  }

  /** Stamp for a local event (an edit or a write). */
  tick(): string {
    const pt = Math.floor(this.now());
    if (pt > this.wall) {
      this.wall = pt;
      this.counter = 0;
    } else this.bump();
    return encodeHlc({ wall: this.wall, counter: this.counter, device: this.device });
  }

  /**
   * A stamp for an edit of a row whose newest known stamp is `floor`: above it even when this clock is
   * behind (a slow laptop, or a row stamped by a fast one), so an edit made after seeing a value always
   * wins over it. The clock itself is not moved to the floor (a fast device cannot drag it ahead).
   */
  tickAfter(floor: string | undefined): string {
    const stamp = this.tick();
    return floor !== undefined && compareHlc(stamp, floor) <= 0 ? successorHlc(floor, this.device) : stamp;
  }

  /**
   * Moves the clock past a received stamp, so later local edits order after what was seen — but never
   * more than `maxDriftMs` past this laptop's own time (edits of the rows themselves use `tickAfter`).
   */
  receive(remote: string): void {
    const r = decodeHlc(remote);
    const pt = Math.floor(this.now());
    if (r.wall > pt + this.maxDriftMs) {
      r.wall = pt + this.maxDriftMs;
      r.counter = 0;
    }
    const wall = Math.max(this.wall, r.wall, pt);
    if (wall === this.wall && wall === r.wall) this.counter = Math.max(this.counter, r.counter) + 1;
    else if (wall === this.wall) this.counter += 1;
    else if (wall === r.wall) this.counter = r.counter + 1;
    else this.counter = 0;
    this.wall = wall;
    if (this.counter > COUNTER_MAX) this.bump();
  }

  /** Restores from a persisted stamp without counting it as an event. */
  observe(stamp: string): void {
    const r = decodeHlc(stamp);
    if (r.wall > this.wall || (r.wall === this.wall && r.counter > this.counter)) {
      this.wall = r.wall;
      this.counter = r.counter;
    }
  }

  /** The current state as a stamp (for persisting). */
  get last(): string {
    return encodeHlc({ wall: this.wall, counter: this.counter, device: this.device });
  }

  private bump(): void {
    this.counter += 1;
    // An exhausted counter borrows the next millisecond rather than wrapping (wrapping would go back).
    if (this.counter > COUNTER_MAX) {
      this.wall += 1;
      this.counter = 0;
    }
  }
}
