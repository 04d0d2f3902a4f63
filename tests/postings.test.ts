// The word index the SQLite engine scores in process: set operations and top-k selection must
// give exactly what a naive scan of the same clauses gives, on common and rare words alike.
import { describe, expect, it } from 'vitest';
import { addScores, intersect, mostCovered, PostingsBuilder, topK, union, type Posting } from '../server/engines/postings.js';
import { FacetColumns } from '../server/engines/facet-columns.js';
import type { Clause } from '../ingest/types.js';

let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** 5,000 clauses over a Zipf-like vocabulary: 发展 in most, 瑞金机场 in a few. */
function corpus() {
  const vocab = ['发展', '建设', '推进', '示范区', '瑞金机场', '赣深高铁', '脐橙', '黄龙病', '富硒', '跨省通办'];
  const clauses: string[][] = [];
  for (let i = 0; i < 5000; i++) clauses.push(vocab.filter((_, k) => rand() < 0.8 / (k + 1)).flatMap(w => Array(1 + Math.floor(rand() * 3)).fill(w)));
  const b = new PostingsBuilder();
  clauses.forEach((tokens, i) => b.add(i + 1, tokens));
  return { clauses, postings: new Map(b.entries()), vocab };
}
const has = (p: Posting, id: number) => p.ids.includes(id);

describe('word postings', () => {
  const { clauses, postings, vocab } = corpus();
  const get = (w: string) => postings.get(w)!;

  it('records every clause holding a word, in rowid order, with its count', () => {
    const p = get('脐橙');
    const expected = clauses.flatMap((t, i) => (t.includes('脐橙') ? [i + 1] : []));
    expect(Array.from(p.ids)).toEqual(expected);
    expect(p.tfs[0]).toBe(clauses[expected[0] - 1].filter(w => w === '脐橙').length);
  });

  it('intersects a common and a rare word exactly as a scan does', () => {
    const both = intersect([get('发展'), get('瑞金机场'), get('建设')]);
    const expected = clauses.flatMap((t, i) => (['发展', '瑞金机场', '建设'].every(w => t.includes(w)) ? [i + 1] : []));
    expect(Array.from(both.ids)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('unites forms of a term (an alias, a split name) without duplicates', () => {
    const any = union([get('赣深高铁'), get('富硒'), get('黄龙病')]);
    const expected = clauses.flatMap((t, i) => (['赣深高铁', '富硒', '黄龙病'].some(w => t.includes(w)) ? [i + 1] : []));
    expect(Array.from(any.ids)).toEqual(expected);
    expect(has(any, expected[0])).toBe(true);
  });

  it('selects the same best clauses as sorting every score', () => {
    const lengths = Uint16Array.from([0, ...clauses.map(t => t.length)]);
    const stats = { docs: clauses.length, avgLength: clauses.reduce((n, t) => n + t.length, 0) / clauses.length, lengths };
    for (const w of vocab) {
      const scores = new Float32Array(clauses.length + 1);
      addScores(stats, get(w), scores);
      const ids = get(w).ids;
      const naive = Array.from(ids).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, 20);
      expect(topK(ids, scores, 20)).toEqual(naive);
    }
  });

  it('scores only the clauses asked for, the same as scoring them all', () => {
    const lengths = Uint16Array.from([0, ...clauses.map(t => t.length)]);
    const stats = { docs: clauses.length, avgLength: 5, lengths };
    const all = new Float32Array(clauses.length + 1);
    addScores(stats, get('发展'), all);
    for (const only of [get('瑞金机场').ids, get('建设').ids, get('发展').ids]) {
      const some = new Float32Array(clauses.length + 1);
      addScores(stats, get('发展'), some, 1, only);
      for (let id = 1; id <= clauses.length; id++) expect(some[id]).toBe(only.includes(id) ? all[id] : 0);
    }
  });

  it('scores a rare word above a common one in the same clause (idf)', () => {
    const lengths = Uint16Array.from([0, ...clauses.map(t => t.length)]);
    const stats = { docs: clauses.length, avgLength: 5, lengths };
    const rare = new Float32Array(clauses.length + 1);
    const common = new Float32Array(clauses.length + 1);
    addScores(stats, get('跨省通办'), rare);
    addScores(stats, get('发展'), common);
    const id = Array.from(intersect([get('跨省通办'), get('发展')]).ids).find(i => get('跨省通办').tfs[get('跨省通办').ids.indexOf(i)] === get('发展').tfs[get('发展').ids.indexOf(i)]);
    expect(id).toBeDefined();
    expect(rare[id!]).toBeGreaterThan(common[id!]);
  });
});

describe('facet columns', () => {
  const clause = (docId: string, year: number | null, units: string[], topics: string[]): Clause =>
    ({ id: `${docId}-${units.join()}`, docId, ordinal: 0, path: [], label: '', text: '', units: units.map(name => ({ name, role: 'responsible' as const })), topics, projects: [], year });
  const clauses = [
    clause('003', 2016, ['省发展改革委', '省水利厅'], ['农业、林业、水利']),
    clause('003', 2016, ['省水利厅'], []),
    clause('002', 2023, ['省发展改革委', '省发展改革委'], ['工业、交通']),
    clause('001', null, [], []),
  ];
  const columns = FacetColumns.build(clauses);

  it('counts each unit once per clause, and every facet over the given clauses only', () => {
    expect(columns.count([1, 2, 3, 4])).toEqual({
      year: { 2016: 2, 2023: 1 },
      unit: { 省发展改革委: 2, 省水利厅: 2 },
      topic: { '农业、林业、水利': 1, '工业、交通': 1 },
      doc: { '003': 2, '002': 1, '001': 1 },
    });
    expect(columns.count([2]).unit).toEqual({ 省水利厅: 1 });
  });

  it('filters OR within a facet and AND across facets; an unknown value selects nothing', () => {
    expect(Array.from(columns.select({ unit: ['省水利厅'], year: ['2016'] })!)).toEqual([1, 2]);
    expect(Array.from(columns.select({ unit: ['省水利厅', '省发展改革委'], doc: ['002'] })!)).toEqual([3]);
    expect(Array.from(columns.select({ unit: ['省发展改革委'], topic: ['工业、交通', '农业、林业、水利'] })!)).toEqual([1, 3]);
    expect(Array.from(columns.select({ unit: ['国家发展改革委'] })!)).toEqual([]);
    expect(columns.select({})).toBeNull();
  });

  it('round-trips through its stored parts', () => {
    const parts = columns.parts();
    const back = FacetColumns.fromParts(k => (typeof parts[k] === 'string' ? { text: parts[k] as string } : { array: parts[k] as Uint32Array }));
    expect(back.count([1, 2, 3, 4])).toEqual(columns.count([1, 2, 3, 4]));
    expect(back.size).toBe(4);
  });
});

describe('partial matches', () => {
  it('keeps the ids found in the most lists, and says how many', () => {
    const r = mostCovered([Uint32Array.of(1, 3, 5, 9), Uint32Array.of(3, 4, 9), Uint32Array.of(2, 9, 12), Uint32Array.of()]);
    expect(Array.from(r.ids)).toEqual([9]);
    expect(r.count).toBe(3);
    const tie = mostCovered([Uint32Array.of(1, 7), Uint32Array.of(2, 7), Uint32Array.of(1, 8)]);
    expect([Array.from(tie.ids), tie.count]).toEqual([[1, 7], 2]);
  });
});
