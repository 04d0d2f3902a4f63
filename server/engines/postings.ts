// Word postings with term frequencies: the word-level inverted index that the SQLite engine
// scores in process. FTS5 answers positional questions (bigram phrases, quotations), but its
// bm25() costs about 1.3 µs per match and listing half a million matches takes it 100 ms; a
// sorted Uint32Array per word, read as one blob and scored over typed arrays, takes a few ms
// (see bench/search).

/** One word's clauses (rowids, ascending) and how often the word occurs in each. */
export interface Posting {
  ids: Uint32Array;
  tfs: Uint8Array;
}

export const EMPTY: Posting = { ids: new Uint32Array(0), tfs: new Uint8Array(0) };

/** Index tokens of a clause, split as the query side splits: letters and digits only. */
export function indexTokens(words: string[]): string[] {
  return words.flatMap(w => w.split(/[^\p{L}\p{N}\p{M}]+/u)).filter(Boolean);
}

/** Accumulates postings while clauses are added in ascending rowid order. */
export class PostingsBuilder {
  private readonly lists = new Map<string, { ids: Uint32Array; tfs: Uint8Array; n: number }>();

  add(rowid: number, tokens: string[]): void {
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let l = this.lists.get(term);
      if (!l) this.lists.set(term, (l = { ids: new Uint32Array(4), tfs: new Uint8Array(4), n: 0 }));
      if (l.n === l.ids.length) {
        const ids = new Uint32Array(l.n * 2); ids.set(l.ids); l.ids = ids;
        const tfs = new Uint8Array(l.n * 2); tfs.set(l.tfs); l.tfs = tfs;
      }
      l.ids[l.n] = rowid;
      l.tfs[l.n] = Math.min(255, tf);
      l.n++;
    }
  }

  *entries(): IterableIterator<[string, Posting]> {
    for (const [term, l] of this.lists) yield [term, { ids: l.ids.subarray(0, l.n), tfs: l.tfs.subarray(0, l.n) }];
  }
}

export function toBlob(a: Uint32Array | Uint8Array | Uint16Array | Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** A typed array over a blob, copied when SQLite's buffer is not aligned for it. */
export function fromBlob<T extends Uint32Array | Uint16Array | Int32Array>(buf: Buffer, Type: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number }): T {
  const size = Type.BYTES_PER_ELEMENT;
  if (buf.byteOffset % size === 0) return new Type(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength / size);
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Type(copy.buffer, 0, buf.byteLength / size);
}

/** Clauses holding any of the postings; a clause's tf is the largest among them. */
export function union(list: Posting[]): Posting {
  const live = list.filter(p => p.ids.length);
  if (live.length <= 1) return live[0] ?? EMPTY;
  return live.reduce(union2);
}

function union2(a: Posting, b: Posting): Posting {
  const ids = new Uint32Array(a.ids.length + b.ids.length);
  const tfs = new Uint8Array(ids.length);
  let i = 0, j = 0, n = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i], y = b.ids[j];
    if (x < y) { ids[n] = x; tfs[n++] = a.tfs[i++]; }
    else if (y < x) { ids[n] = y; tfs[n++] = b.tfs[j++]; }
    else { ids[n] = x; tfs[n++] = Math.max(a.tfs[i++], b.tfs[j++]); }
  }
  for (; i < a.ids.length; i++) { ids[n] = a.ids[i]; tfs[n++] = a.tfs[i]; }
  for (; j < b.ids.length; j++) { ids[n] = b.ids[j]; tfs[n++] = b.tfs[j]; }
  return { ids: ids.subarray(0, n), tfs: tfs.subarray(0, n) };
}

/** Clauses holding every posting, rarest first; tf is the smallest. */
export function intersect(list: Posting[]): Posting {
  if (!list.length) return EMPTY;
  return [...list].sort((a, b) => a.ids.length - b.ids.length).reduce(intersect2);
}

function intersect2(a: Posting, b: Posting): Posting {
  const ids = new Uint32Array(Math.min(a.ids.length, b.ids.length));
  const tfs = new Uint8Array(ids.length);
  let n = 0;
  matchPairs(a.ids, b.ids, (i, j) => { ids[n] = a.ids[i]; tfs[n++] = Math.min(a.tfs[i], b.tfs[j]); });
  return { ids: ids.subarray(0, n), tfs: tfs.subarray(0, n) };
}

/** Ids in both ascending lists. */
export function intersectIds(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let n = 0;
  matchPairs(a, b, i => { out[n++] = a[i]; });
  return out.subarray(0, n);
}

/**
 * Visits each id held by both ascending lists, with its index in each: a linear merge for lists
 * of like size, else galloping through the longer one.
 */
function matchPairs(a: Uint32Array, b: Uint32Array, visit: (i: number, j: number) => void): void {
  if (b.length >= 8 * a.length) {
    for (let i = 0, j = 0; i < a.length && j < b.length; i++) { j = seek(b, a[i], j); if (b[j] === a[i]) visit(i, j); }
  } else if (a.length >= 8 * b.length) {
    for (let j = 0, i = 0; j < b.length && i < a.length; j++) { i = seek(a, b[j], i); if (a[i] === b[j]) visit(i, j); }
  } else {
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else visit(i++, j++);
    }
  }
}

/** Walks ascending lists together (a k-way merge): each id once, with how many lists hold it. */
function mergeAscending(lists: Uint32Array[], visit: (id: number, count: number) => void): void {
  const live = lists.filter(l => l.length);
  const at = new Uint32Array(live.length);
  for (;;) {
    let min = 0xffffffff;
    for (let k = 0; k < live.length; k++) if (at[k] < live[k].length && live[k][at[k]] < min) min = live[k][at[k]];
    if (min === 0xffffffff) return;
    let count = 0;
    for (let k = 0; k < live.length; k++) if (at[k] < live[k].length && live[k][at[k]] === min) { count++; at[k]++; }
    visit(min, count);
  }
}

/** Ids in any of the ascending lists, ascending, once each. */
export function unionIds(lists: Uint32Array[]): Uint32Array {
  const live = lists.filter(l => l.length);
  if (live.length <= 1) return live[0] ?? new Uint32Array(0);
  const out = new Uint32Array(live.reduce((n, l) => n + l.length, 0));
  let n = 0;
  mergeAscending(live, id => { out[n++] = id; });
  return out.subarray(0, n);
}

/**
 * The ids found in the most of these ascending lists, ascending, and in how many lists: read in
 * order (no scattered counters to fetch from memory).
 */
export function mostCovered(lists: Uint32Array[]): { ids: Uint32Array; count: number } {
  let best = 0;
  let out: number[] = [];
  mergeAscending(lists, (id, count) => {
    if (count > best) { best = count; out = []; }
    if (count === best) out.push(id);
  });
  return { ids: Uint32Array.from(out), count: best };
}

/** First index ≥ from whose id is ≥ target: gallop, then binary search. */
function seek(ids: Uint32Array, target: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < ids.length && ids[hi] < target) { from = hi + 1; hi += step; step *= 2; }
  hi = Math.min(hi, ids.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (ids[mid] < target) from = mid + 1; else hi = mid;
  }
  return from;
}

/** Okapi BM25 parameters and the collection statistics they need. */
export interface Bm25 {
  docs: number;
  avgLength: number;
  /** Word count of each clause, by rowid. */
  lengths: Uint16Array;
}

const K1 = 1.2;
const B = 0.75;

export function idf(stats: Bm25, df: number): number {
  return Math.log(1 + (stats.docs - df + 0.5) / (df + 0.5));
}

/**
 * Adds one term's BM25 contribution to each clause of its posting, or only to the clauses of
 * `only` (ascending).
 */
export function addScores(stats: Bm25, p: Posting, scores: Float32Array, weight = 1, only?: Uint32Array): void {
  const w = idf(stats, p.ids.length) * weight * (K1 + 1);
  const base = K1 * (1 - B);
  const norm = (K1 * B) / stats.avgLength;
  const { ids, tfs } = p;
  const lengths = stats.lengths;
  const add = (i: number) => { scores[ids[i]] += (w * tfs[i]) / (tfs[i] + base + norm * lengths[ids[i]]); };
  if (!only || only === ids) for (let i = 0; i < ids.length; i++) add(i);
  else matchPairs(ids, only, add);
}

/** Adds a constant to the score of each clause of `only` (ascending) that is also in `ids`. */
export function addConstant(ids: Uint32Array, only: Uint32Array, scores: Float32Array, value: number): void {
  for (const id of intersectIds(ids, only)) scores[id] += value;
}

/**
 * The best `k` of `ids` by score, best first (ties in id order). Linear selection of the
 * threshold first, so a common word's half million matches are not sorted.
 */
export function topK(ids: Uint32Array, scores: Float32Array, k: number): number[] {
  if (ids.length > k) {
    const values = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) values[i] = scores[ids[i]];
    const threshold = kthLargest(values, k);
    const above: number[] = [];
    const equal: number[] = [];
    for (const id of ids) {
      const s = scores[id];
      if (s > threshold) above.push(id);
      else if (s === threshold && equal.length < k) equal.push(id);
    }
    ids = Uint32Array.from([...above, ...equal.slice(0, k - above.length)]);
  }
  return Array.from(ids).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, k);
}

/** Quickselect (Hoare), in place: the k-th largest value. */
function kthLargest(a: Float32Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}
