// The five bundled documents, mess included, ingested as users get them.
import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ingestFolder } from '../ingest/pipeline.js';
import type { Clause, IngestResult, PolicyDocument } from '../ingest/types.js';
import { normalize } from '../ingest/text.js';
import { CORPUS } from './helpers/index.js';

let result: IngestResult;
const doc = (prefix: string): PolicyDocument => result.documents.find(d => d.id.startsWith(prefix))!;
const clauses = (prefix: string): Clause[] => result.clauses.filter(c => c.docId.startsWith(prefix));

beforeAll(async () => { result = await ingestFolder(CORPUS); });

describe('the bundled corpus', () => {
  it('ingests all five documents without errors', () => {
    expect(result.reports.map(r => r.error ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(result.documents).toHaveLength(5);
  });

  it('keeps each seed byte for byte as shipped', () => {
    // The checksums of the seeds as shipped (tests/fixtures/seeds.sha256), so a clone anywhere can check.
    const manifest = fs.readFileSync(path.resolve(__dirname, 'fixtures/seeds.sha256'), 'utf8').trim().split('\n').map(l => l.split(/\s+/));
    expect(manifest).toHaveLength(5);
    for (const [sha, f] of manifest) expect([f, crypto.createHash('sha256').update(fs.readFileSync(path.join(CORPUS, f))).digest('hex')]).toEqual([f, sha]);
    // And against the seeds themselves, where they sit beside the project.
    const seeds = path.resolve(CORPUS, '../../shared/seeds');
    if (fs.existsSync(seeds)) for (const [, f] of manifest) expect(fs.readFileSync(path.join(CORPUS, f)).equals(fs.readFileSync(path.join(seeds, f)))).toBe(true);
  });
});

describe('000: the work report with markdown headings', () => {
  it('reads the 发文字号 from its own header line', () => expect(doc('000').docNumber).toBe('赣苏振党组字〔2024〕3号'));
  it('reads title, issuer and signer from the header', () => {
    expect(doc('000').title).toBe('中共赣南苏区振兴发展工作办公室党组关于2023年工作总结及2024年工作打算的报告');
    expect(doc('000').issuer).toBe('中共赣南苏区振兴发展工作办公室党组');
    expect(doc('000').signer).toBe('卢述银');
    expect(doc('000').year).toBe(2024);
  });
  it('levels headings by their markers, not by the number of #', () => {
    const item = clauses('000').find(c => c.text.startsWith('2.深化用好对口支援重大政策'))!;
    expect(item.path).toEqual(['一、2023年工作总结', '（二）常规性工作']);
    expect(item.label).toBe('2.');
  });
  it('rejoins a paragraph split by a blank line mid-sentence', () => {
    expect(clauses('000').some(c => c.text.includes('积极加强与国家发展改革委的沟通汇报，全力配合做好会议材料起草'))).toBe(true);
  });
});

describe('001: the congress report', () => {
  it('dates it from the bracketed date under the title', () => expect(doc('001').date).toBe('2021-09-27'));
  it('cites run-in items by their own number', () => {
    const c = clauses('001').find(c => c.text.startsWith('（三）构建全方位融湾的开放格局'))!;
    expect(c.label).toBe('（三）');
    expect(c.path[0]).toMatch(/^五、大力实施深化改革开放行动/);
  });
});

describe('002: the OCR plan', () => {
  it('has no space left between two Han characters in any clause', () => {
    const spaced = clauses('002').filter(c => /\p{Script=Han}\s+\p{Script=Han}/u.test(c.text));
    expect(spaced.map(c => c.text.slice(0, 40))).toEqual([]);
  });
  it('puts 打造高能级创新平台 under 第三章 › 第一节', () => {
    const c = clauses('002').find(c => c.text.startsWith('打造高能级创新平台'))!;
    expect(c.path).toEqual(['第三章 构建现代产业体系,推进产业创新发展先行示范', '第一节 建设区域性科技创新中心']);
    expect(c.label).toBe('第三章第一节');
  });
  it('turns the flattened indicator table into one readable clause per row', () => {
    const row = clauses('002').find(c => c.text.includes('红色旅游接待总人数'))!;
    expect(row.text).toBe('传承红色基因样板区 | 红色旅游接待总人数(亿人次) | 0.635 | 0.8 | 预期性');
    const next = clauses('002').find(c => c.text.startsWith('红色旅游总收入'))!;
    expect(next.text).toBe('红色旅游总收入(亿元) | 613.5 | 800 | 预期性');
    expect(next.path.slice(-2)).toEqual(['赣州革命老区高质量发展示范区主要发展指标', '传承红色基因样板区']);
    expect(clauses('002').filter(c => /\| (预期性|约束性)$/.test(c.text))).toHaveLength(36);
  });
  it('takes what the text does not say from its sidecar', () => {
    expect(doc('002').title).toBe('赣州革命老区高质量发展示范区发展规划');
    expect(doc('002').year).toBe(2023);
  });
});

describe('003: the traditional-script work points', () => {
  const numbered = () => clauses('003').filter(c => /^\d+\.$/.test(c.label));
  it('yields exactly 33 numbered clauses, in order', () => {
    expect(numbered().map(c => c.label)).toEqual(Array.from({ length: 33 }, (_, i) => `${i + 1}.`));
  });
  it('rejoins list numbers split from their titles', () => {
    expect(numbered()[1].text.startsWith('2.提高住房保障水平。')).toBe(true);
    expect(numbered()[28].text.startsWith('29.拓展對口支援內容。')).toBe(true);
  });
  it('gives each item exactly its own responsible units', () => {
    for (const c of numbered()) {
      const block = /\(責任單位:([^]*)\)[。]?$/.exec(c.text);
      expect(block, c.label).not.toBeNull();
      const own = normalize(block![1]).split(/[、,]/).map(s => s.replace(/\(.*\)$/, ''));
      for (const u of c.units) expect(normalize(block![1]).includes(u.name) || u.name === '省苏区办', `${c.label} ${u.name}`).toBe(true);
      expect(c.units.length).toBeGreaterThanOrEqual(own.length);
    }
    const item7 = numbered()[6];
    expect(item7.units.map(u => u.name)).toEqual(['有关设区市', '省文化厅', '省体育局', '省新闻出版广电局', '省财政厅', '省发展改革委']);
    const item28 = numbered()[27];
    expect(item28.units.map(u => u.name)).toContain('省苏区办');
  });
  it('is recognised as traditional script', () => expect(doc('003').script).toBe('hant'));
});

describe('004: the scraped interpretation page', () => {
  it('keeps no page chrome in any clause', () => {
    for (const c of clauses('004')) expect(c.text).not.toMatch(/关怀版|无障碍|访问量|在线检阅|您当前所在位置|相关文章/);
  });
  it('takes its issuer from the breadcrumb and its title from the text', () => {
    expect(doc('004').issuer).toBe('赣南苏区振兴发展工作办公室');
    expect(doc('004').title).toBe('《贯彻落实<国务院关于新时代支持革命老区振兴发展的意见>的实施意见》解读');
  });
  it('groups paragraphs under the page’s own subheadings', () => {
    const c = clauses('004').find(c => c.text.startsWith('加快国家区域中心城市建设'))!;
    expect(c.path).toEqual(['巩固拓展脱贫攻坚成果 推进城乡区域协调发展']);
  });
});

describe('metadata sidecars', () => {
  it('hold only what the text does not say', () => {
    for (const r of result.reports) expect(r.warnings.filter(w => w.startsWith('sidecar repeats')), r.file).toEqual([]);
    for (const f of fs.readdirSync(CORPUS).filter(f => f.endsWith('.meta.json'))) {
      const meta = JSON.parse(fs.readFileSync(path.join(CORPUS, f), 'utf8'));
      const id = f.replace('.meta.json', '');
      if (id.startsWith('000')) expect(meta).not.toHaveProperty('docNumber');
      if (id.startsWith('001')) expect(meta).not.toHaveProperty('date');
      if (id.startsWith('004')) { expect(meta).not.toHaveProperty('title'); expect(meta).not.toHaveProperty('issuer'); }
    }
  });
});
