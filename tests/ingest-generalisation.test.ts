// Document shapes the first fixtures did not cover, each pinned on what a reader sees: a 办法 with
// 款 and 第二十条之一, a 印发 notice carrying its plan as an attachment, a scraped page with an 信息公开
// table and different chrome, a work plan with a task table, an OCR plan in traditional script.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ingestFolder } from '../ingest/pipeline.js';
import { dropChrome, readFieldLine, toBlocks } from '../ingest/clean.js';
import { extractMetadata } from '../ingest/metadata.js';
import { extractUnits } from '../ingest/units.js';
import { segment } from '../ingest/segment.js';
import { loadTables } from '../ingest/tables.js';
import type { Clause, FileReport, IngestResult } from '../ingest/types.js';

const FIXTURES = path.resolve(__dirname, 'fixtures/ingest');
const tables = loadTables();
let result: IngestResult;
const report = (file: string): FileReport => result.reports.find(r => r.file === file)!;
const clauses = (file: string): Clause[] => report(file).clauses!;
const clauseWith = (file: string, text: string) => clauses(file).find(c => c.text.includes(text))!;
const allText = (file: string) => clauses(file).map(c => c.text).join('\n');
/** Ingest a document given as lines, the way the pipeline does, without a file. */
const metaOf = (lines: string[]) => extractMetadata(toBlocks(dropChrome(lines, tables.chrome, tables.fields).lines), undefined, dropChrome(lines, tables.chrome, tables.fields).fields);

beforeAll(async () => { result = await ingestFolder(FIXTURES); });

describe('a 印发 notice that carries its plan as an attachment', () => {
  const file = 'notice-with-attachment.txt';
  it('takes the title from both wrapped title lines, without the 发文机关标志 or a space', () => {
    expect(report(file).document!.title).toBe('某省人民政府办公厅关于印发某省推进数字政府建设三年行动方案（2022—2024年）的通知');
  });
  it('reads issuer and date from the signature above （此件公开发布）, though the attachment follows it', () => {
    expect(report(file).document).toMatchObject({ issuer: '某省人民政府办公厅', date: '2022-01-05', year: 2022, docNumber: '某政办发〔2022〕1号' });
    expect(allText(file)).not.toMatch(/二〇二二年一月五日|此件公开发布/);
  });
  it('keeps the 主送机关 line in the header, apart from the first paragraph', () => {
    expect(clauses(file)[0].text.split('\n').at(-1)).toBe('各市、县（区）人民政府，省政府各部门：');
    expect(clauses(file)[1].text).toBe('《某省推进数字政府建设三年行动方案（2022—2024年）》已经省人民政府同意，现印发给你们，请认真贯彻执行。');
  });
  it('keeps the list of attachments as one clause, not as headings over the attached plan', () => {
    expect(clauseWith(file, '附件：').text).toBe('附件：1．某省推进数字政府建设重点任务分工表\n2．某省数字政府建设重点项目清单');
    for (const c of clauses(file)) expect(c.path.join(' ')).not.toMatch(/附件|分工表|项目清单|办公厅/);
    expect(clauseWith(file, '（二）主要目标').path).toEqual(['一、总体要求']);
  });
  it('drops the end block (抄送, …印发) from the clauses', () => {
    expect(allText(file)).not.toMatch(/抄送|印发$/m);
  });
});

describe('a 办法 with a 题注', () => {
  it('dates the document from the promulgation (公布) date in the 题注 under the title', () => {
    expect(report('measures-articles.txt').document).toMatchObject({ title: '某省公共数据管理办法', date: '2022-07-01', year: 2022 });
  });
});

describe('a scraped page with an 信息公开 table and its own chrome', () => {
  const file = 'policy-page.html';
  it('reads 发文字号, issuer and 成文日期 from the labelled fields, the number in the printed standard', () => {
    expect(report(file).document).toMatchObject({ docNumber: '京政发〔2023〕5号', issuer: '北京市人民政府', date: '2023-02-20', year: 2023 });
  });
  it('does not take a document number cited in the body (财税〔２０２３〕１２号)', () => {
    expect(report(file).document!.docNumber).not.toMatch(/财税/);
    expect(clauseWith(file, '财税〔２０２３〕１２号').label).toBe('第1段');
  });
  it('takes the title from the page, not the <title> with the site name', () => {
    expect(report(file).document!.title).toBe('北京市人民政府关于进一步促进中小企业高质量发展的若干措施');
  });
  it('drops the field table, 来源/发布时间, 分享, 打印/关闭, related links and footer', () => {
    for (const c of clauses(file)) {
      expect(c.text + c.path.join('')).not.toMatch(/索引号|发布时间|分享|微博|打印|关闭|相关文件|网站地图|主办|ICP|IPv6|长者模式/);
    }
  });
  it('ends with the last clause of the document, its headings intact', () => {
    expect(clauses(file).at(-1)!.text).toBe('本措施自印发之日起施行，有效期至2025年12月31日。');
    expect(clauseWith(file, '（四）发挥融资担保作用').path).toEqual(['二、强化融资服务']);
  });
});

describe('labelled page fields', () => {
  it('reads a row of an 信息公开 table (label： | value |)', () => {
    expect(readFieldLine('发文字号： | 京政发﹝2023﹞5号 | 发布日期： | 2023年03月01日 |', tables.fields)?.fields).toEqual({ docNumber: '京政发﹝2023﹞5号', published: '2023年03月01日' });
  });
  it('reads a letter-spaced label (标　　题：)', () => {
    expect(readFieldLine('标　　题：关于印发某某方案的通知', tables.fields)?.fields).toEqual({ title: '关于印发某某方案的通知' });
  });
  it('leaves body lines with a colon alone', () => {
    expect(readFieldLine('各区人民政府，市政府各委、办、局：', tables.fields)).toBeNull();
    expect(readFieldLine('注：本表数据来源于统计年鉴。', tables.fields)).toBeNull();
  });
  it('lets the document’s own header win over the page fields', () => {
    const { meta } = metaOf(['发文字号：某府发〔2020〕1号', '某市人民政府关于加强安全生产的通知', '某府发〔2021〕9号', '各县人民政府：', '一、总体要求', '坚持安全发展。']);
    expect(meta.docNumber).toBe('某府发〔2021〕9号');
  });
  it('takes 来源 as the issuer only when it names an office', () => {
    expect(metaOf(['来源：某市人民政府', '某市关于加快发展的意见', '一、总体要求', '坚持发展。']).meta.issuer).toBe('某市人民政府');
    expect(metaOf(['来源：某某日报', '某市关于加快发展的意见', '一、总体要求', '坚持发展。']).meta.issuer).toBeNull();
  });
});

describe('units of a work plan', () => {
  const file = 'task-table-work-plan.txt';
  it('makes one clause per row of a tab-separated task table, its 责任单位 column giving responsible units', () => {
    const row = clauseWith(file, '推行企业开办');
    expect(row.text).toBe('1 | 推行企业开办“一网通办”，开办时间压减至1个工作日以内 | 市市场监管局、市政务服务办 | 2023年6月底');
    expect(row.path).toEqual(['一、重点任务分工']);
    expect(row.units).toEqual([{ name: '市市场监管局', role: 'responsible' }, { name: '市政务服务办', role: 'responsible' }]);
    expect(clauseWith(file, '获得电力').units).toEqual([{ name: '国网某市供电公司', role: 'responsible' }]);
  });
  it('gives every unit of a 、 list the verb after it (市司法局、市政务服务办配合)', () => {
    expect(clauseWith(file, '压实工作责任').units).toEqual([
      { name: '市发展改革委', role: 'lead' }, { name: '市司法局', role: 'support' }, { name: '市政务服务办', role: 'support' },
    ]);
  });
  it('reads （…负责。列第一位者为牵头单位） when the first unit is an office (督查室)', () => {
    expect(clauseWith(file, '强化督查考核').units).toEqual([{ name: '市政府督查室', role: 'lead' }, { name: '市发展改革委', role: 'responsible' }]);
  });
  it('keeps 各市、县（区）人民政府 as one unit', () => {
    expect(clauseWith('notice-with-attachment.txt', '优化服务流程').units).toEqual([
      { name: '省政务服务办', role: 'responsible' }, { name: '各市、县(区)人民政府', role: 'responsible' },
    ]);
  });
  it('still splits a list of named governments', () => {
    expect(extractUnits('（责任单位：某市人民政府、某县人民政府）', tables)).toEqual([
      { name: '某市人民政府', role: 'responsible' }, { name: '某县人民政府', role: 'responsible' },
    ]);
  });
  it('reads a signature and a date after the attachment list as metadata, not clauses', () => {
    expect(report(file).document).toMatchObject({ issuer: '某市优化营商环境工作领导小组办公室', date: '2023-03-15' });
    expect(clauses(file).at(-1)!.text).toBe('附件：市优化营商环境工作领导小组成员名单');
  });
});
