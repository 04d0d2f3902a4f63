// One contract, every engine: the same queries must find the same clauses. The Meilisearch run
// needs a real server (MEILI_URL); without one it is reported as skipped, by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../server/context.js';
import type { SearchResult } from '../server/engine.js';
import { normalize } from '../ingest/text.js';
import { buildCorpusIndex, serve } from './helpers/index.js';

function contract(engine: 'sqlite' | 'meilisearch') {
  let ctx: AppContext;
  let server: { url: string; close: () => Promise<void> };
  // Through the HTTP API: filter values are resolved (aliases, script) the way clients send them.
  const search = async (q: string, filters: Record<string, string[]> = {}, limit = 10): Promise<SearchResult> => {
    const u = new URLSearchParams({ q, limit: String(limit) });
    for (const [k, vs] of Object.entries(filters)) for (const v of vs) u.append(k, v);
    const res = await fetch(`${server.url}/api/search?${u}`);
    expect(res.status).toBe(200);
    return res.json() as Promise<SearchResult>;
  };
  const texts = (r: SearchResult) => r.hits.map(h => normalize(h.text));

  beforeAll(async () => { ctx = await buildCorpusIndex(engine); server = await serve(ctx); }, 180_000);
  afterAll(async () => { await server?.close(); await ctx?.engine.close(); });

  it('finds a keyword', async () => {
    const r = await search('跨省通办');
    expect(texts(r).some(t => t.includes('43个高频事项实现“跨省通办”'))).toBe(true);
    expect(r.hits.every(h => normalize(h.text).includes('跨省通办'))).toBe(true);
  });
  it('finds traditional text with a simplified query', async () => {
    const r = await search('农网改造');
    expect(texts(r).some(t => t.includes('加大农网改造力度'))).toBe(true);
  });
  it('finds simplified text with a traditional query', async () => {
    const r = await search('富硒農產品');
    expect(texts(r).some(t => t.includes('加强富硒农产品开发'))).toBe(true);
  });
  it('finds a word the OCR split with a space', async () => {
    const r = await search('长征国家文化公园');
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.every(h => normalize(h.text).replace(/\s/g, '').includes('长征国家文化公园'))).toBe(true);
  });
  it('finds a name jieba splits, through the bigram field', async () => {
    const r = await search('5511');
    expect(texts(r)[0]).toContain('5511');
  });
  it('expands an alias inside a longer word', async () => {
    const r = await search('国家发改委 经验交流');
    expect(texts(r).some(t => t.includes('积极加强与国家发展改革委的沟通汇报'))).toBe(true);
  });
  it('ranks a clause holding the query as one phrase first', async () => {
    const r = await search('乡村建设 圩镇');
    expect(texts(r).slice(0, 3).some(t => t.includes('以圩镇建设为重点'))).toBe(true);
  });
  it('filters by unit through an alias and the traditional script, AND across filters', async () => {
    const a = await search('', { unit: ['省水利厅'], year: ['2016'] }, 50);
    expect(a.total).toBe(5);
    const b = await search('', { unit: ['省水利廳'], year: ['2016'] }, 50);
    expect(b.total).toBe(a.total);
    const c = await search('铁路', { unit: ['省发改委'] }, 50);
    expect(c.hits.every(h => h.units.some(u => u.name === '省发展改革委'))).toBe(true);
  });
  it('counts facets over all matches, not one page', async () => {
    const r = await search('旅游', {}, 1);
    const years = Object.values(r.facets.year).reduce((a, b) => a + b, 0);
    expect(years).toBe(r.total);
    expect(r.hits).toHaveLength(1);
  });
  it('marks the matched characters of the original text', async () => {
    const r = await search('農網改造');
    const hit = r.hits.find(h => h.text.includes('農網改造'))!;
    expect(hit.highlight).toContain('<mark>農網改造</mark>');
  });
  it('finds a two-character word that jieba cuts apart in the text (“五型”政府 → 五/型)', async () => {
    const r = await search('五型');
    expect(texts(r).some(t => t.includes('“五型”政府'))).toBe(true);
    expect(texts(await search('五型政府'))[0]).toContain('“五型”政府');
  });
  it('when no clause holds every word, returns the clauses holding the most of them', async () => {
    const r = await search('瑞金机场 qwxz');
    expect(r.total).toBeGreaterThan(0);
    // The name itself, or both of its parts (瑞金 … 机场): never a clause with neither.
    expect(r.hits.every(h => normalize(h.text).includes('瑞金') && normalize(h.text).includes('机场'))).toBe(true);
    expect(normalize(r.hits[0].text)).toContain('瑞金机场');
  });
  it('answers the same query the same way, whatever was searched before it', async () => {
    const first = await search('铁路 建设');
    await search('铁路 建设', { year: ['2016'] });
    await search('建设', { unit: ['省发改委'] }, 100);
    const again = await search('铁路 建设');
    expect(again.hits.map(h => [h.id, h.score])).toEqual(first.hits.map(h => [h.id, h.score]));
    expect(again.total).toBe(first.total);
  });
  it('treats query syntax as text', async () => {
    for (const q of ['"', 'NEAR(瑞金 机场)', '瑞金* AND OR', "'; DROP TABLE clauses; --", '(((', '😀😀', 'x'.repeat(5000), '\u0000\u0007控制']) {
      const r = await search(q);
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
  });
}

describe('contract: sqlite', () => contract('sqlite'));
describe.skipIf(!process.env.MEILI_URL)(`contract: meilisearch${process.env.MEILI_URL ? '' : ' (skipped: MEILI_URL not set, no Meilisearch server on this machine)'}`, () => contract('meilisearch'));
