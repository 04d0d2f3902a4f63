// Project and platform names for the project tracker: a name starts where the name starts — after the
// verb, preposition or particle that introduces it, never at a quantity or inside a word — and a real
// name stays whole. Sentences from the bundled corpus (000–004, 003 in traditional script) and from
// other policy documents.
import { describe, expect, it } from 'vitest';
import { extractProjects } from '../ingest/projects.js';
import { loadTables } from '../ingest/tables.js';

const tables = loadTables();
const projects = (text: string) => extractProjects(text, tables);

describe('a name starts after the words that introduce it', () => {
  it('a name starts after the verb that introduces it: 牵头召开示范区 is not a project', () => {
    expect(projects('牵头召开示范区建设一周年新闻发布会,系统总结了示范区建设最新实践。')).toEqual([]);
  });

  it('a particle or preposition before a bare suffix makes a clause, not a name (标志着示范区, 科研机构到示范区)', () => {
    expect(projects('两个省级重磅文件的相继出台,标志着示范区建设政策体系')).toEqual([]);
    expect(projects('鼓励国内外高水平大学和科研机构到示范区合作办学,创办特色学院或实验室。')).toEqual([]);
    expect(projects('把党的领导始终贯穿于示范区建设的全过程')).toEqual([]);
  });

  it('cuts the verb in front of a place name: 扶持南康家具产业基地 → 南康家具产业基地', () => {
    expect(projects('支持赣州打造新能源汽车科技城,扶持南康家具产业基地、兴国和吉水军民结合产业基地')).toContain('南康家具产业基地');
    expect(projects('扶持南康家具产业基地')).not.toContain('扶持南康家具产业基地');
  });

  it('cuts table verbs even inside a longer word (充分发挥, 积极争取) and verbs made of two dictionary words (争设, 新设)', () => {
    expect(projects('充分发挥新时代文明实践中心作用')).toEqual([]);
    expect(projects('争设陆生植物种质资源迁地保护基地(基因库)和')).toEqual(['陆生植物种质资源迁地保护基地']);
    expect(projects('新设蓉江新区,赣县撤县设区')).toEqual(['蓉江新区']);
    expect(projects('积极争取赣韶铁路扩能改造纳入规划')).toEqual(['赣韶铁路']);
  });

  it('does not start inside a word: 省级及以上实践创新基地 is neither 上实践创新基地 nor a project', () => {
    const found = projects('支持上犹、寻乌等县创建省级及以上实践创新基地或生态文明建设示范县');
    expect(found.some(n => n.startsWith('上'))).toBe(false);
    expect(found).toEqual([]);
  });

  it('does not cut a word to fit a window: 国家 stays whole in a long name (not 家离子型…)', () => {
    expect(projects('推动苏区实施创新驱动战略。发挥国家离子型稀土资源高效开发利用工程技术中心作用'))
      .toEqual(['国家离子型稀土资源高效开发利用工程技术中心']);
  });

  it('takes the whole of a long name after the verb: 加快章贡… is 章贡…, not 快章贡…', () => {
    expect(projects('加快章贡南方区域性医疗器械生产基地建设')).toEqual(['章贡南方区域性医疗器械生产基地']);
  });

  it('two quoted names sharing one suffix: the name starts at the second quotation', () => {
    expect(projects('实施“赣南乡村建筑风貌特色保护与传承”"赣南客家民俗文化传承" 工程,加强非遗保护'))
      .toEqual(['赣南客家民俗文化传承工程']);
  });
});

describe('a quantity is not a name', () => {
  it('rejects a count of things: 1个两千亿级园区, 5个千亿级园区', () => {
    expect(projects('推动开发区扩区调区,打造1个两千亿级园区、5个千亿级园区')).toEqual([]);
  });

  it('rejects a name that starts with a number and a unit: 120G锂电池生产基地', () => {
    expect(projects('建设赣州现代电子科技城,推进120G锂电池生产基地建设')).toEqual([]);
  });

  it('a counted list before the name ends at the measure word: 两家医院2个国家区域医疗中心', () => {
    const found = projects('南方医科大学南方医院赣州医院、广东省人民医院赣州医院2个国家区域医疗中心。');
    expect(found).toContain('国家区域医疗中心');
    expect(found.some(n => /\d个/.test(n))).toBe(false);
  });

  it('a quoted number belongs to the name: 瑞兴于“3+2”经济振兴试验区, not 2经济振兴试验区 (traditional script too)', () => {
    expect(projects('要推進瑞興于“3+2”經濟振興試驗區、“三南”一體化')).toEqual(['瑞兴于3+2经济振兴试验区']);
  });
});

describe('the suffix ends the name only where a word ends', () => {
  it('工程 inside 工程师 is not a project (探索“周末工程师”)', () => {
    expect(projects('实施“苏区之光”人才计划,探索“周末工程师”等柔性引才方式')).toEqual([]);
  });

  it('an engineering research centre keeps its 工程: 国家井冈蜜柚工程研究中心, not 国家井冈蜜柚工程', () => {
    expect(projects('国家井冈蜜柚工程研究中心、国家油茶检疫重点实验室')).toContain('国家井冈蜜柚工程研究中心');
    expect(projects('国家井冈蜜柚工程研究中心')).not.toContain('国家井冈蜜柚工程');
  });

  it('a name followed by 工程建设 keeps its 工程 (推进农村交通民生工程建设)', () => {
    expect(projects('深化农村公路管理养护体制改革试点,推进农村交通民生工程建设。')).toEqual(['农村交通民生工程']);
  });

  it('陆港 across 内陆/港 is not a 陆港: 班列开行量进入全国内陆港 is not a project', () => {
    expect(projects('中欧班列开行量进入全国内陆港“第一方阵”')).toEqual([]);
  });
});

describe('real names stay whole', () => {
  it.each([
    ['重点实施大广高速吉安至南康段扩建工程', '大广高速吉安至南康段扩建工程'],
    ['实施省创新驱动5511工程', '省创新驱动5511工程'],
    ['建设安远车头220千伏输变电工程', '安远车头220千伏输变电工程'],
    ['开工建设兴国县洋池口水库', '兴国县洋池口水库'],
    ['建设长征国家文化公园（江西段）', '长征国家文化公园'],
    ['加快建设国家普惠金融改革试验区', '国家普惠金融改革试验区'],
    ['支持中国科学院赣江创新研究院建设', '中国科学院赣江创新研究院'],
    ['推动实施赣州黄金机场三期扩建工程', '赣州黄金机场'],
    ['积极承接产业转移示范区建设', '承接产业转移示范区'],
  ])('%s → %s', (sentence, name) => {
    expect(projects(sentence)).toContain(name);
  });

  it('keeps 华能瑞金电厂二期 and 瑞金至梅州铁路 in one list', () => {
    expect(projects('推进华能瑞金电厂二期、瑞金至梅州铁路建设')).toEqual(expect.arrayContaining(['华能瑞金电厂二期', '瑞金至梅州铁路']));
  });

  it('reads traditional script the same and answers in simplified (赣州综合保税区, 赣州国际陆港, 赣深高铁)', () => {
    expect(projects('加快贛州綜合保稅區、贛州國際陸港建設,儘早開工建設贛深高鐵')).toEqual(
      expect.arrayContaining(['赣州综合保税区', '赣州国际陆港', '赣深高铁']));
  });

  it('a name that begins with a one-character verb stays whole (引江济淮工程), beside a table verb (积极争取京港高铁)', () => {
    expect(projects('加快推进引江济淮工程建设，积极争取京港高铁纳入国家规划。')).toEqual(['引江济淮工程', '京港高铁']);
  });

  it('a new area named after its province stays whole (推动设立湖南湘江新区)', () => {
    expect(projects('推动设立湖南湘江新区，带动长株潭一体化发展。')).toEqual(['湖南湘江新区']);
  });
});
