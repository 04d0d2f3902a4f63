// Small real-shaped documents, one per hard case: every numbering style, the encodings policy
// files arrive in, a scraped page, an OCR plan with a table, a 牵头/配合 work plan.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ingestFolder } from '../ingest/pipeline.js';
import type { FileReport, IngestResult } from '../ingest/types.js';

const FIXTURES = path.resolve(__dirname, 'fixtures/ingest');
let result: IngestResult;
const report = (file: string): FileReport => result.reports.find(r => r.file === file)!;
const texts = (file: string) => report(file).clauses!.map(c => c.text);

beforeAll(async () => { result = await ingestFolder(FIXTURES); });

describe('bad input is reported and loses nothing', () => {
  it('reports an empty file and a binary file clearly, and still ingests the rest', () => {
    expect(report('broken-empty.txt')).toMatchObject({ ok: false, error: 'empty file' });
    expect(report('broken-binary.txt').ok).toBe(false);
    expect(report('broken-binary.txt').error).toMatch(/binary/);
    expect(result.documents).toHaveLength(result.reports.length - 2);
  });
});

describe('encodings', () => {
  it('reads a GBK work plan', () => {
    expect(report('work-plan-gbk.txt').document!.title).toBe('某县2022年重点工作任务分工方案');
    expect(texts('work-plan-gbk.txt')).toContain('2.实施高标准农田建设。新建高标准农田2万亩。（责任单位：县农业农村局）');
  });
  it('reads a Big5 work plan and rejoins its split list numbers', () => {
    const r = report('work-plan-big5.txt');
    expect(r.document!.script).toBe('hant');
    expect(r.document!.title).toBe('某縣2016年工作要點');
    expect(texts('work-plan-big5.txt')).toContain('1.加大精準扶貧力度。實施產業扶貧工程。(責任單位:縣扶貧辦、縣財政局)');
    expect(r.clauses!.find(c => c.label === '2.')!.units.map(u => u.name)).toEqual(['县工信局']);
  });
  it('reads UTF-16 with a BOM', () => {
    expect(report('education-utf16.txt').clauses!.map(c => c.path.join(' › ') + ' ' + c.label)).toEqual([' 版头', '一、学前教育 （一）', '二、义务教育 （一）']);
  });
});

describe('numbering systems of official documents', () => {
  const c = () => report('numbering-styles.txt').clauses!;
  it('reads 发文字号 and a date in Chinese numerals', () => {
    expect(report('numbering-styles.txt').document).toMatchObject({ docNumber: '某政发〔2023〕7号', date: '2023-03-05', year: 2023 });
  });
  it('cites articles by their own number, including 第二十条之一', () => {
    expect(c().map(x => x.label)).toEqual(expect.arrayContaining(['第一条', '第二条', '第二十条之一']));
  });
  it('does not take 第三条规定 in a wrapped sentence for a new article', () => {
    expect(c().some(x => x.text === '依照本办法第三条规定的程序办理的事项，按原规定执行。')).toBe(true);
    expect(c().some(x => x.label === '第三条')).toBe(false);
  });
  it('nests 第X章 › 第X节 › 一、 and labels each nested item style', () => {
    const nested = c().filter(x => x.path.join(' › ').startsWith('第二章 重点任务 › 第一节 政务服务 › 一、提升审批效率') && !x.path.some(p => p.startsWith('专栏')));
    expect(nested.map(x => x.label)).toEqual(['（一）', '1.', '（1）', '①', '2、']);
  });
  it('keeps a 专栏 box under the headings, not under the list item before it', () => {
    expect(c().find(x => x.text.startsWith('推进工程建设项目审批制度改革'))!.label).toBe('第二章第一节一、专栏1');
  });
  it('does not read 2.5亿元 as a list number', () => {
    expect(c().find(x => x.text.includes('2.5亿元'))!.label).toBe('①');
  });
  it('recognises 专栏 boxes as headings', () => {
    expect(c().find(x => x.text.startsWith('推进工程建设项目'))!.path.at(-1)).toBe('专栏1 重点改革事项');
  });
  it('keeps the closing date out of the clauses', () => {
    expect(c().some(x => x.text.includes('二〇二三年三月五日'))).toBe(false);
  });
});

describe('markdown with front matter', () => {
  it('takes metadata from YAML and levels from the markers', () => {
    const r = report('science-policy.md');
    expect(r.document).toMatchObject({ title: '某市科技创新若干政策', issuer: '某市人民政府', date: '2024-05-10', docNumber: '某府发〔2024〕8号' });
    expect(r.clauses!.map(x => [x.path.join(' › '), x.label])).toEqual([['第一章 总则', '第一条'], ['第二章 支持措施', '第二条']]);
  });
});

describe('a scraped HTML page', () => {
  const r = () => report('interpretation-page.html');
  it('drops navigation, scripts, accessibility links and hit counters', () => {
    for (const t of texts('interpretation-page.html')) expect(t).not.toMatch(/关怀版|无障碍|访问量|首页|var counter|主办单位/);
  });
  it('takes the issuer from the breadcrumb and the address from the canonical link', () => {
    expect(r().document).toMatchObject({ issuer: '某市发展和改革委员会', url: 'https://www.example.gov.cn/zwgk/2022/jd123.html', title: '《关于加快建设某市综合物流园区的实施意见》解读' });
  });
  it('finds units acting in plain text with their roles', () => {
    expect(r().clauses!.at(-1)!.units).toEqual([{ name: '市发展改革委', role: 'lead' }, { name: '市财政局', role: 'support' }]);
  });
});

describe('an OCR plan with a flattened table', () => {
  it('removes OCR spaces and line breaks inside words but keeps numbers and Latin words apart', () => {
    expect(texts('ocr-plan-with-table.txt')[0]).toBe('到2025年,全市经济总量迈上新台阶,长征国家文化公园建设取得重要进展,中欧班列开行数量稳定增长。');
    expect(texts('ocr-plan-with-table.txt').at(-1)).toBe('加快5G网络建设,年均增长9.2%,推进IPv6规模部署。');
  });
  it('makes one clause per table row, the repeated header dropped', () => {
    const rows = texts('ocr-plan-with-table.txt').filter(t => t.includes(' | '));
    expect(rows).toEqual(['地区生产总值(亿元) | 3000 | 4000 | 预期性', '森林覆盖率(%) | 76.2 | 76.5 | 约束性', '中欧班列开行量(列) | 300 | 500 | 预期性', '常住人口城镇化率(%) | 55 | 60 | 预期性']);
  });
});

describe('a 牵头单位/配合单位 work plan', () => {
  const units = (i: number) => report('energy-work-plan.txt').clauses!.filter(c => /^\d+\.$/.test(c.label))[i].units;
  it('reads lead and support units, a bracket inside a name kept whole', () => {
    expect(units(0)).toEqual([
      { name: '省能源局', role: 'lead' }, { name: '省财政厅', role: 'support' },
      { name: '省自然资源厅', role: 'support' }, { name: '各市(县)人民政府', role: 'support' },
    ]);
  });
  it('reads 牵头/配合 in plain text and resolves the alias 省发改委', () => {
    expect(units(1)).toEqual([{ name: '省发展改革委', role: 'lead' }, { name: '省财政厅', role: 'support' }]);
  });
  it('reads 列第一位者为牵头单位', () => {
    expect(units(2)).toEqual([{ name: '省能源局', role: 'lead' }, { name: '国网某省电力公司', role: 'responsible' }]);
  });
});
