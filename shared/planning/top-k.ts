// A bounded max-heap on "worse": heap[0] is the weakest item kept, so keeping the best k of n
// items costs O(n log k) and, for k ≪ n, little more than one comparison per rejected item.

/** Adds an item (while the heap is below its bound). */
export function heapPush<T>(h: T[], c: T, better: (a: T, b: T) => boolean): void {
  h.push(c);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!better(h[p] as T, h[i] as T)) break;
    [h[p], h[i]] = [h[i] as T, h[p] as T];
    i = p;
  }
}

/** Replaces the weakest item with a better one. */
export function heapReplaceTop<T>(h: T[], c: T, better: (a: T, b: T) => boolean): void {
  h[0] = c;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let worst = i;
    if (l < h.length && better(h[worst] as T, h[l] as T)) worst = l;
    if (r < h.length && better(h[worst] as T, h[r] as T)) worst = r;
    if (worst === i) return;
    [h[worst], h[i]] = [h[i] as T, h[worst] as T];
    i = worst;
  }
}
