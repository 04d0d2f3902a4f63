// The facet values of every clause (year, unit, topic, doc), held in memory: each value of each
// facet has an id, and the ids of clause `rowid` are values[offsets[rowid] … offsets[rowid + 1]).
// One row of ids per clause, side by side, because counting facets over thousands of matches is
// bound by memory latency: two cache misses per clause, not two per facet. Filters use the
// inverse, each value's clauses as a posting. Stored in the index file as blobs, loaded at open.
import type { Clause } from '../../ingest/types.js';
import type { FacetName, SearchParams, SearchResult } from '../engine.js';
import { intersectIds, unionIds } from './postings.js';

export const FACETS: FacetName[] = ['year', 'unit', 'topic', 'doc'];

function facetValues(c: Clause, f: FacetName): string[] {
  switch (f) {
    case 'year': return c.year === null ? [] : [String(c.year)];
    case 'unit': return [...new Set(c.units.map(u => u.name))];
    case 'topic': return [...new Set(c.topics)];
    case 'doc': return [c.docId];
  }
}

/** A value id's facet and name. */
type Value = [FacetName, string];

export class FacetColumns {
  private readonly idOf = new Map<string, number>();
  /** For each value id, its clauses (ascending rowids). */
  private readonly lists: Uint32Array[];

  private constructor(private readonly names: Value[], private readonly offsets: Uint32Array, private readonly values: Uint32Array) {
    names.forEach(([f, name], id) => this.idOf.set(`${f}\0${name}`, id));
    this.lists = invert(names.length, offsets, values);
  }

  /** Columns for clauses whose rowids are 1 … clauses.length, in this order. */
  static build(clauses: Clause[]): FacetColumns {
    const ids = new Map<string, number>();
    const names: Value[] = [];
    const offsets = new Uint32Array(clauses.length + 2);
    const values: number[] = [];
    clauses.forEach((c, i) => {
      for (const f of FACETS) {
        for (const v of facetValues(c, f)) {
          const key = `${f}\0${v}`;
          if (!ids.has(key)) { ids.set(key, names.length); names.push([f, v]); }
          values.push(ids.get(key)!);
        }
      }
      offsets[i + 2] = values.length;
    });
    return new FacetColumns(names, offsets, Uint32Array.from(values));
  }

  /** Named parts to store, and back. */
  parts(): Record<string, string | Uint32Array> {
    return { 'facet.names': JSON.stringify(this.names), 'facet.offsets': this.offsets, 'facet.values': this.values };
  }

  static fromParts(get: (key: string) => { text: string } | { array: Uint32Array }): FacetColumns {
    const names = get('facet.names');
    const offsets = get('facet.offsets');
    const values = get('facet.values');
    if (!('text' in names) || !('array' in offsets) || !('array' in values)) throw new Error('index is missing its facet columns');
    return new FacetColumns(JSON.parse(names.text), offsets.array, values.array);
  }

  get size(): number {
    return this.offsets.length - 2;
  }

  /**
   * Every rowid the filters select (OR within a facet, AND across), ascending; null when nothing
   * filters. A value no clause has selects nothing.
   */
  select(filters: SearchParams['filters']): Uint32Array | null {
    let out: Uint32Array | null = null;
    for (const f of FACETS) {
      const wanted = filters[f];
      if (!wanted?.length) continue;
      const lists = wanted.map(v => this.idOf.get(`${f}\0${v}`)).filter((id): id is number => id !== undefined).map(id => this.lists[id]);
      const any = unionIds(lists);
      out = out ? intersectIds(out, any) : any;
    }
    return out;
  }

  /** Exact counts of each facet value over these clauses. */
  count(rowids: ArrayLike<number>): SearchResult['facets'] {
    const { offsets, values } = this;
    const counts = new Uint32Array(this.names.length);
    for (let k = 0; k < rowids.length; k++) {
      const rowid = rowids[k];
      const end = offsets[rowid + 1];
      for (let i = offsets[rowid]; i < end; i++) counts[values[i]]++;
    }
    const facets = { year: {}, unit: {}, topic: {}, doc: {} } as SearchResult['facets'];
    for (let id = 0; id < counts.length; id++) if (counts[id]) facets[this.names[id][0]][this.names[id][1]] = counts[id];
    return facets;
  }
}

/** Value id → its rowids, by a counting pass over the rows. */
function invert(size: number, offsets: Uint32Array, values: Uint32Array): Uint32Array[] {
  const counts = new Uint32Array(size);
  for (const v of values) counts[v]++;
  const lists = Array.from(counts, n => new Uint32Array(n));
  const fill = new Uint32Array(size);
  for (let rowid = 1; rowid + 1 < offsets.length; rowid++) {
    for (let i = offsets[rowid]; i < offsets[rowid + 1]; i++) lists[values[i]][fill[values[i]]++] = rowid;
  }
  return lists;
}
