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

describe('items under a numbered clause', () => {
  it('nests 1. and （1） under a run-in （二） clause, its short heading in their path', () => {
    const blocks = toBlocks(['一、重点任务', '（一）推进数据共享。围绕政务服务需求，加快数据归集。', '1．完善共享机制。健全目录管理。', '（1）健全公共数据目录，实现动态更新。', '（二）推进数据开放。有序开放公共数据。', '1．制定开放清单。按年度更新。']);
    expect(segment(blocks).map(c => [c.path.join(' › '), c.label])).toEqual([
      ['一、重点任务', '（一）'],
      ['一、重点任务 › （一）推进数据共享', '1.'],
      ['一、重点任务 › （一）推进数据共享 › 1．完善共享机制', '（1）'],
      ['一、重点任务', '（二）'],
      ['一、重点任务 › （二）推进数据开放', '1.'],
    ]);
  });
  it('puts the items of an article under it: 第五条 › （一）', () => {
    expect(clauseWith('measures-articles.txt', '（一）遵循合法').path).toEqual(['第二章 收集与归集', '第五条']);
    expect(clauseWith('measures-articles.txt', '第六条').path).toEqual(['第二章 收集与归集']);
  });
  it('cites a second paragraph (款) of an article by the article', () => {
    const kuan = clauseWith('measures-articles.txt', '从其规定');
    expect(kuan.text).toBe('法律、法规对公共数据管理另有规定的，从其规定。');
    expect(kuan.label).toBe('第二条');
    expect(kuan.path).toEqual(['第一章 总则', '第二条']);
  });
  it('keeps wrapped lines starting 第五条规定的 / 第十二条、 inside their article', () => {
    const c = clauses('measures-articles.txt');
    expect(c.map(x => x.label).filter(l => /条$/.test(l))).not.toContain('第十二条、');
    expect(clauseWith('measures-articles.txt', '第六条').text).toBe('第六条 公共管理和服务机构收集公共数据，第五条规定的要求以外，还应当符合国家和省有关标准规范。');
    expect(clauseWith('measures-articles.txt', '第七条').text).toMatch(/并按照第十二条、第十三条规定的程序向社会公布。$/);
    expect(c.filter(x => x.label === '第十二条')).toHaveLength(1);
  });
  it('cites 第二十条之一 as its own article, at chapter level', () => {
    const c = clauseWith('measures-articles.txt', '第二十条之一');
    expect(c.label).toBe('第二十条之一');
    expect(c.path).toEqual(['第四章 安全管理']);
  });
  it('reads a letter-spaced chapter title (第一章　总　　则) as 总则', () => {
    expect(clauses('measures-articles.txt').at(-1)!.path).toEqual(['第五章 附则']);
  });
});

describe('an OCR plan in traditional script', () => {
  const file = 'ocr-plan-traditional.txt';
  it('joins a title wrapped over two lines without a space', () => {
    expect(report(file).document!.title).toBe('某市國民經濟和社會發展第十四個五年規劃和二〇三五年遠景目標綱要');
  });
  it('keeps a short list title (⼀、指導思想) apart from the paragraph on the next line', () => {
    const c = clauseWith(file, '高舉中國特色');
    expect(c.text).toBe('高舉中國特色社會主義偉大旗幟，堅持穩中求進工作總基調，以推動高質量發展為主題，以深化供給側結構性改革為主線。');
    expect(c.path).toEqual(['第二章 總體要求', '⼀、指導思想']);
  });
  it('still rejoins a list title wrapped into fragments (4.實施\\n農村電網、\\n農村公路…)', () => {
    const blocks = toBlocks(['4.實施', '農村電網、', '農村公路升級改造工程。加大農網改造力度,推進電網建設。', '17.完善', '公路和', '水運網路。續建高速公路項目。']);
    expect(blocks.map(b => b.kind === 'para' && b.text)).toEqual(['4.實施農村電網、農村公路升級改造工程。加大農網改造力度,推進電網建設。', '17.完善公路和水運網路。續建高速公路項目。']);
  });
  it('removes page footers and OCR spaces mid-sentence, keeping the original script', () => {
    expect(clauseWith(file, '十三五').text).toBe('“十三五”時期，全市地區生產總值年均增長7.8%，城鄉居民人均可支配收入年均分別增長8.1%和9.5%，脫貧攻堅取得全面勝利，生態環境質量持續改善。');
    expect(clauseWith(file, '產業園建設').text).toContain('電子信息產業園建設，力爭到2025年');
    expect(allText(file)).not.toMatch(/—\s*\d+\s*—|第\s*3\s*頁/);
  });
  it('reads spaced chapter and section markers (第 三 章 / 第 一 節)', () => {
    expect(clauseWith(file, '倍增').path).toEqual(['第三章 構建現代產業體系', '第一節 做強先進製造業']);
    expect(clauseWith(file, '倍增').label).toBe('第三章第一節');
  });
  it('drops a 第3頁 共9頁 footer instead of making it a heading', () => {
    expect(dropChrome(['第 3 頁 共 9 頁', '正文。'], tables.chrome, tables.fields).lines).toEqual(['正文。']);
  });
});
