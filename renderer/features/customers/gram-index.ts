/**
 * Bit sets of which rows hold each character and each pair of adjacent characters of their folded
 * haystack. A row is a bit at its serial number (CustomerRow.seq). The first keystrokes of a search
 * then cost one bit test per row instead of a substring scan of 100k haystacks: one- and
 * two-letter terms are answered exactly, longer ones narrowed to the rows holding all their pairs
 * (then checked with `includes`).
 *
 * Characters get small codes as they are first seen; past ALPHABET - 1 of them the rest share
 * code 0 ("other"), whose sets are supersets, so answers with it are checked too. Memory is one
 * bit per row per character or pair that occurs (a few hundred pairs: ~20 MB at 100k rows).
 */
const ALPHABET = 64;
const OTHER = 0;

export type Candidates = {
  /** Bit per row serial (less `offset`): set where the row may match every term. */
  bits: Uint32Array;
  /** Serial of the first row the index can hold. */
  offset: number;
  /** True when every set bit is a match, so no row needs its haystack checked. */
  exact: boolean;
};

export class GramIndex {
  /** Character code → small code (0: not seen yet, or "other" once the alphabet is full). */
  private readonly codes = new Uint8Array(65536);
  private nextCode = 1;
  /** Slot a (one character) and ALPHABET + a * ALPHABET + b (a pair): its bit set, made when first needed. */
  private readonly sets: (Uint32Array | undefined)[] = [];
  private words = 1024;

  /**
   * `offset`: the serial of the first row it will hold (a reload's rows are numbered on from the
   * last ones, and bits below them would be wasted).
   */
  constructor(private readonly offset = 0) {}

  /** Records the row with serial `seq` (at least `offset`) and folded `haystack`. */
  add(seq: number, haystack: string): void {
    const at = seq - this.offset;
    if (at < 0) throw new Error(`row ${seq} is below the index's first row ${this.offset}`);
    if (at >>> 5 >= this.words) this.grow(at >>> 5);
    const word = at >>> 5;
    const bit = 1 << (at & 31);
    let prev = -1;
    for (let i = 0; i < haystack.length; i++) {
      const code = this.codeOf(haystack.charCodeAt(i));
      this.set(code, word, bit);
      if (prev >= 0) this.set(ALPHABET + prev * ALPHABET + code, word, bit);
      prev = code;
    }
  }

  /** Rows that may hold every term (each non-empty and folded). */
  candidates(terms: readonly string[]): Candidates {
    const bits = new Uint32Array(this.words).fill(0xffffffff);
    const none = (): Candidates => ({ bits: new Uint32Array(this.words), offset: this.offset, exact: true });
    let exact = true;
    for (const term of terms) {
      const codes: number[] = [];
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        const code = this.codes[c] as number;
        // A character no row holds while the alphabet still has room: nothing matches.
        if (code === OTHER && this.nextCode < ALPHABET) return none();
        codes.push(code);
      }
      if (term.length > 2 || codes.includes(OTHER)) exact = false;
      const slots = codes.length === 1 ? [codes[0] as number] : codes.slice(1).map((b, i) => ALPHABET + (codes[i] as number) * ALPHABET + b);
      for (const slot of slots) {
        const set = this.sets[slot];
        if (!set) return none();
        for (let w = 0; w < bits.length; w++) bits[w] = (bits[w] as number) & (set[w] as number);
      }
    }
    return { bits, offset: this.offset, exact };
  }

  private codeOf(c: number): number {
    let code = this.codes[c] as number;
    if (code === OTHER && this.nextCode < ALPHABET) {
      code = this.nextCode++;
      this.codes[c] = code;
    }
    return code;
  }

  private set(slot: number, word: number, bit: number): void {
    let set = this.sets[slot];
    if (!set) this.sets[slot] = set = new Uint32Array(this.words);
    set[word] = (set[word] as number) | bit;
  }

  private grow(word: number): void {
    let words = this.words;
    while (words <= word) words *= 2;
    for (const [slot, set] of this.sets.entries()) {
      if (!set) continue;
      const bigger = new Uint32Array(words);
      bigger.set(set);
      this.sets[slot] = bigger;
    }
    this.words = words;
  }
}

/** True when bit `at` is set. */
export function hasBit(bits: Uint32Array, at: number): boolean {
  return ((bits[at >>> 5] as number) & (1 << (at & 31))) !== 0;
}
