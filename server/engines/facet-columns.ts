// The facet values of every clause (year, unit, topic, doc), held in memory as columns: for each
// facet, the values of clause `rowid` are values[offsets[rowid] … offsets[rowid + 1]), as ids
// into a name list. Filters and exact facet counts over half a million matches are then walks
// over typed arrays, not SQL joins. Stored in the index file as blobs, loaded at open.
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

interface Column {
  names: string[];
  offsets: Uint32Array;
  values: Uint32Array;
}

export class FacetColumns {
  private readonly ids: Record<FacetName, Map<string, number>>;
  /** For each facet value, its clauses (ascending rowids): filters are postings too. */
  private readonly lists: Record<FacetName, Uint32Array[]>;

  private constructor(private readonly columns: Record<FacetName, Column>) {
    this.ids = Object.fromEntries(FACETS.map(f => [f, new Map(columns[f].names.map((n, i) => [n, i]))])) as Record<FacetName, Map<string, number>>;
    this.lists = Object.fromEntries(FACETS.map(f => [f, invert(columns[f])])) as Record<FacetName, Uint32Array[]>;
  }

  /** Columns for clauses whose rowids are 1 … clauses.length, in this order. */
  static build(clauses: Clause[]): FacetColumns {
    const columns = {} as Record<FacetName, Column>;
    for (const f of FACETS) {
      const ids = new Map<string, number>();
      const offsets = new Uint32Array(clauses.length + 2);
      const values: number[] = [];
      clauses.forEach((c, i) => {
        for (const v of facetValues(c, f)) {
          if (!ids.has(v)) ids.set(v, ids.size);
          values.push(ids.get(v)!);
        }
        offsets[i + 2] = values.length;
      });
      columns[f] = { names: [...ids.keys()], offsets, values: Uint32Array.from(values) };
    }
    return new FacetColumns(columns);
  }

  /** Named parts to store, and back. */
  parts(): Record<string, string | Uint32Array> {
    const out: Record<string, string | Uint32Array> = {};
    for (const f of FACETS) {
      out[`facet.${f}.names`] = JSON.stringify(this.columns[f].names);
      out[`facet.${f}.offsets`] = this.columns[f].offsets;
      out[`facet.${f}.values`] = this.columns[f].values;
    }
    return out;
  }

  static fromParts(get: (key: string) => { text: string } | { array: Uint32Array }): FacetColumns {
    const columns = {} as Record<FacetName, Column>;
    for (const f of FACETS) {
      const names = get(`facet.${f}.names`);
      const offsets = get(`facet.${f}.offsets`);
      const values = get(`facet.${f}.values`);
      if (!('text' in names) || !('array' in offsets) || !('array' in values)) throw new Error(`index is missing facet column ${f}`);
      columns[f] = { names: JSON.parse(names.text), offsets: offsets.array, values: values.array };
    }
    return new FacetColumns(columns);
  }

  get size(): number {
    return this.columns.doc.offsets.length - 2;
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
      const lists = wanted.map(v => this.ids[f].get(v)).filter((id): id is number => id !== undefined).map(id => this.lists[f][id]);
      const any = unionIds(lists);
      out = out ? intersectIds(out, any) : any;
    }
    return out;
  }

  /** Exact counts of each facet value over these clauses. */
  count(rowids: ArrayLike<number>): SearchResult['facets'] {
    const facets = { year: {}, unit: {}, topic: {}, doc: {} } as SearchResult['facets'];
    for (const f of FACETS) {
      const { names, offsets, values } = this.columns[f];
      const counts = new Uint32Array(names.length);
      for (let k = 0; k < rowids.length; k++) {
        const rowid = rowids[k];
        for (let i = offsets[rowid]; i < offsets[rowid + 1]; i++) counts[values[i]]++;
      }
      counts.forEach((n, id) => { if (n) facets[f][names[id]] = n; });
    }
    return facets;
  }
}

/** Value id → its rowids, by a counting pass over the column. */
function invert({ names, offsets, values }: Column): Uint32Array[] {
  const counts = new Uint32Array(names.length);
  for (const v of values) counts[v]++;
  const lists = Array.from(counts, n => new Uint32Array(n));
  const fill = new Uint32Array(names.length);
  for (let rowid = 1; rowid + 1 < offsets.length; rowid++) {
    for (let i = offsets[rowid]; i < offsets[rowid + 1]; i++) lists[values[i]][fill[values[i]]++] = rowid;
  }
  return lists;
}
