/**
 * Max-heaps of held applicants by priority (the worst held on top), one per programme, laid
 * out in shared typed arrays at [base, base + size). Deferred acceptance appends while a
 * programme has free seats and heapifies once when it fills: appends cost O(1), and only real
 * evictions pay O(log capacity).
 */
export function heapify(prio: Int32Array, app: Int32Array, base: number, size: number): void {
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(prio, app, base, size, i, prio[base + i], app[base + i]);
}

/** Replaces the worst held applicant by (pr, a) and restores the heap. */
export function heapReplaceTop(prio: Int32Array, app: Int32Array, base: number, size: number, pr: number, a: number): void {
  siftDown(prio, app, base, size, 0, pr, a);
}

function siftDown(prio: Int32Array, app: Int32Array, base: number, size: number, start: number, pr: number, a: number): void {
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    const c = r < size && prio[base + r] > prio[base + l] ? r : l;
    if (prio[base + c] <= pr) break;
    prio[base + i] = prio[base + c];
    app[base + i] = app[base + c];
    i = c;
  }
  prio[base + i] = pr;
  app[base + i] = a;
}

/** The applicant with the worst (largest) priority: the top of a heap, else a scan. */
export function worstOf(prio: Int32Array, app: Int32Array, base: number, size: number, isHeap: boolean): number {
  if (isHeap) return app[base];
  let w = 0;
  for (let i = 1; i < size; i++) if (prio[base + i] > prio[base + w]) w = i;
  return app[base + w];
}
