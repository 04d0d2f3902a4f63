// The two jobs users come for beyond search: following a project across documents, and finding
// (and correctly citing) the source of a quotation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../server/context.js';
import { commitmentsFor, describeCommitment } from '../server/commitments.js';
import { findSources } from '../server/cite.js';
import { citationFor, shortTitle } from '../server/citation.js';
import { loadTables } from '../ingest/tables.js';
import type { Clause, PolicyDocument } from '../ingest/types.js';
import { buildCorpusIndex, serve } from './helpers/index.js';

let ctx: AppContext;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => { ctx = await buildCorpusIndex(); server = await serve(ctx); }, 180_000);
afterAll(async () => { await server?.close(); await ctx?.engine.close(); });

const tables = loadTables();
const clause = (text: string, path: string[] = []): Clause => ({ id: 'x-1', docId: 'x', ordinal: 1, path, label: '1.', text, units: [], topics: [], projects: [], year: 2024 });

describe('commitments: who promised what about a project', () => {
  it('follows 瑞金机场 from preparatory work (2016) to construction started (2021) to plan targets (2025)', async () => {
    const r = await commitmentsFor(ctx.engine, tables, '瑞金机场');
    const timeline = r.documents.map(d => [d.document.year, d.clauses.map(c => c.commitment.action)]);
    expect(r.documents.map(d => d.document.year)).toEqual([...r.documents.map(d => d.document.year)].sort());
    expect(timeline[0]).toEqual([2016, ['前期工作']]);
    const y2021 = r.documents.find(d => d.document.id.startsWith('001'))!;
    expect(y2021.clauses[0].commitment).toMatchObject({ action: '开工建设', kind: 'progress' });
    const plan = r.documents.find(d => d.document.id.startsWith('002'))!;
    expect(plan.clauses.some(c => c.commitment.kind === 'commitment' && c.commitment.targetYear === 2025)).toBe(true);
  });
  it('carries the responsible units of each clause', async () => {
    const r = await commitmentsFor(ctx.engine, tables, '瑞金机场');
    expect(r.documents[0].clauses[0].units.map(u => u.name)).toContain('民航江西监管局');
  });
  it('finds a project through a traditional-script name', async () => {
    const a = await commitmentsFor(ctx.engine, tables, '瑞金機場');
    const b = await commitmentsFor(ctx.engine, tables, '瑞金机场');
    expect(a.documents.map(d => d.document.id)).toEqual(b.documents.map(d => d.document.id));
    expect(a.project.name).toBe('瑞金机场');
  });
  it('finds a project through an alias', async () => {
    const r = await commitmentsFor(ctx.engine, tables, '中科院赣江创新研究院');
    expect(r.project.name).toBe('中国科学院赣江创新研究院');
    expect(r.documents.length).toBeGreaterThan(0);
  });
  it('finds a project name split by an OCR space in the source', async () => {
    // 002 prints 长征国 家文化公园 and 国家普惠 金融改革试验区; ingestion rejoins them.
    for (const name of ['长征国家文化公园', '国家普惠金融改革试验区']) {
      const r = await commitmentsFor(ctx.engine, tables, name);
      expect(r.documents.map(d => d.document.id.slice(0, 3)), name).toContain('002');
    }
  });
  it('follows a project through every document that names it', async () => {
    const r = await commitmentsFor(ctx.engine, tables, '赣州国际陆港');
    expect(r.documents.map(d => d.document.id.slice(0, 3)).sort()).toEqual(['001', '002', '004']);
  });
  it('never returns a document that does not mention the project, and answers an unknown one with nothing', async () => {
    const r = await commitmentsFor(ctx.engine, tables, '赣深高铁');
    for (const d of r.documents) for (const c of d.clauses) expect(c.text.replace(/\s/g, '')).toMatch(/赣深高铁|贛深高鐵|赣深铁路/);
    expect((await commitmentsFor(ctx.engine, tables, '月球基地')).documents).toEqual([]);
  });
  it('tells each kind of action from the verb table, with target years', () => {
    const names = ['某某机场'];
    const cases: [string, string, 'progress' | 'commitment', number | null][] = [
      ['加快推动某某机场建设前期工作。', '前期工作', 'commitment', null],
      ['争取将某某机场纳入国家规划。', '规划', 'commitment', null],
      ['某某机场已开工建设。', '开工建设', 'progress', null],
      ['加快建设某某机场，力争2025年建成。', '加快建设', 'commitment', 2025],
      ['到2027年建成某某机场。', '建成', 'commitment', 2027],
      ['某某机场建成通车，实现通航运营。', '建成', 'progress', null],
      ['推动某某机场投入运营。', '运营', 'commitment', null],
    ];
    for (const [text, action, kind, year] of cases) {
      expect(describeCommitment(clause(text), names, tables), text).toEqual({ action, kind, targetYear: year });
    }
  });
});

describe('cite: where a quotation comes from', () => {
  it('finds an exact quotation whatever its script and punctuation', async () => {
    const [m] = await findSources(ctx.engine, '實施農村飲水安全鞏固提升工程，切實鞏固農村飲水安全成果');
    expect(m.exact).toBe(true);
    expect(m.score).toBe(1);
    expect(m.clause.label).toBe('3.');
    expect(m.matchedText).toBe('實施農村飲水安全鞏固提升工程,切實鞏固農村飲水安全成果');
  });
  it('ignores full/half-width punctuation, 「」 and line breaks', async () => {
    const [m] = await findSources(ctx.engine, '深化「五型」政府建設\n');
    expect(m?.exact).toBe(true);
  });
  it('finds the source of a misquotation and marks the difference', async () => {
    const [m] = await findSources(ctx.engine, '全市常住人口城镇化率由45.51%提高至58.31%');
    expect(m.exact).toBe(false);
    expect(m.score).toBeGreaterThan(0.9);
    expect(m.matchedText).toBe('全市常住人口城镇化率由45.51%提高至55.31％');
    expect(m.diff.filter(d => d.op !== 'equal')).toEqual([{ op: 'delete', text: '8' }, { op: 'insert', text: '5' }]);
  });
  it('finds the source of a quotation with a missing word', async () => {
    const [m] = await findSources(ctx.engine, '积极组织开展挂职干部交流活动，牵头组织召开全市挂职干部座谈会');
    expect(m.exact).toBe(false);
    expect(m.diff).toContainEqual({ op: 'insert', text: '了' });
  });
  it('finds a misquotation that runs across quotation marks and a sentence end', async () => {
    const [m] = await findSources(ctx.engine, '打造“四最”营商环境。深化“五型”政府建设，加强“放管服”改革力度');
    expect(m.exact).toBe(false);
    expect(m.document.year).toBe(2021);
    expect(m.matchedText).toBe('打造“四最”营商环境。深化“五型”政府建设，加大“放管服”改革力度');
    expect(m.diff.filter(d => d.op !== 'equal')).toEqual([{ op: 'delete', text: '强' }, { op: 'insert', text: '大' }]);
  });
  it('returns nothing, or only weak matches, for a sentence not in the corpus', async () => {
    const ms = await findSources(ctx.engine, '推动低空经济无人机物流配送网络全覆盖');
    expect(ms.every(m => !m.exact && m.score < 0.5)).toBe(true);
  });
  it('answers a too-short quotation with a 400', async () => {
    const res = await fetch(server.url + '/api/cite', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '瑞金机场' }) });
    expect(res.status).toBe(400);
  });
});

describe('citation forms', () => {
  const withNumber = { id: 'a', title: '中共赣南苏区振兴发展工作办公室党组关于2023年工作总结及2024年工作打算的报告', docNumber: '赣苏振党组字〔2024〕3号', issuer: '中共赣南苏区振兴发展工作办公室党组', date: null, year: 2024, script: 'hans', clauseCount: 1, source: 'a.txt' } satisfies PolicyDocument;
  const plan = { id: 'b', title: '赣州革命老区高质量发展示范区发展规划', docNumber: null, issuer: '江西省人民政府', date: '2023', year: 2023, script: 'hans', clauseCount: 1, source: 'b.txt' } satisfies PolicyDocument;
  const web = { id: 'c', title: '《贯彻落实<国务院关于新时代支持革命老区振兴发展的意见>的实施意见》解读', docNumber: null, issuer: '赣南苏区振兴发展工作办公室', date: '2021', year: 2021, script: 'hans', clauseCount: 1, source: 'c.txt', url: 'https://www.ganzhou.gov.cn/jd.html', accessed: '2026-11-25' } satisfies PolicyDocument;
  it('公文 style: 《标题》（发文字号）, or just 《标题》 without one', () => {
    expect(citationFor(withNumber).gongwen).toBe('《中共赣南苏区振兴发展工作办公室党组关于2023年工作总结及2024年工作打算的报告》（赣苏振党组字〔2024〕3号）');
    expect(citationFor(plan).gongwen).toBe('《赣州革命老区高质量发展示范区发展规划》');
    expect(citationFor(web).gongwen).toBe('《〈贯彻落实〈国务院关于新时代支持革命老区振兴发展的意见〉的实施意见〉解读》');
  });
  it('GB/T 7714-2015: [A] for a document, [A/OL] with date, access date and URL for a web page', () => {
    expect(citationFor(withNumber).gbt7714).toBe('中共赣南苏区振兴发展工作办公室党组. 中共赣南苏区振兴发展工作办公室党组关于2023年工作总结及2024年工作打算的报告: 赣苏振党组字〔2024〕3号[A]. 2024.');
    expect(citationFor(plan).gbt7714).toBe('江西省人民政府. 赣州革命老区高质量发展示范区发展规划[A]. 2023.');
    expect(citationFor(web).gbt7714).toBe('赣南苏区振兴发展工作办公室. 《贯彻落实<国务院关于新时代支持革命老区振兴发展的意见>的实施意见》解读[A/OL]. (2021)[2026-11-25]. https://www.ganzhou.gov.cn/jd.html.');
  });
  it('GB/T 7714-2025 on request, with its full-width punctuation', () => {
    expect(citationFor(plan, null, { edition: '2025' }).gbt7714).toBe('江西省人民政府．赣州革命老区高质量发展示范区发展规划［A］．2023．');
  });
  it('inline: the short name and the clause in the document’s own terms, with the first-mention form', () => {
    expect(shortTitle(plan.title)).toBe('规划');
    expect(citationFor(plan, { ...clause(''), label: '第三章第一节' }).inline).toBe('《规划》第三章第一节');
    expect(citationFor(plan).firstMention).toBe('《赣州革命老区高质量发展示范区发展规划》（以下简称《规划》）');
    expect(citationFor(withNumber, { ...clause(''), label: '28.' }).inline).toBe('《报告》第28项');
  });
});
