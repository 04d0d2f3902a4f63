import { describe, expect, it } from 'vitest';
import { bigrams, fold, normalize, toSimplified, words, addUserWords } from '../ingest/text.js';

describe('normalization for matching (OpenCC t→cn, not twp)', () => {
  it('turns a traditional work-plan phrase into simplified script', () => {
    expect(normalize('加大農網改造力度（責任單位：省發展改革委）')).toBe('加大农网改造力度(责任单位:省发展改革委)');
  });

  it('keeps mainland terms that the Taiwan phrase table would rewrite', () => {
    expect(toSimplified('對口支援')).toBe('对口支援');
    expect(normalize('建立健全工作机制')).toBe('建立健全工作机制');
  });

  it('leaves 著 alone: 著力/着力 is the thesaurus’s job', () => {
    expect(normalize('著力提升能源保障能力')).toBe('著力提升能源保障能力');
  });

  it('folds Kangxi radicals and full-width forms (digits, brackets, colon) but not 〔〕', () => {
    expect(normalize('⼀、财税〔２０２３〕１２号')).toBe('一、财税〔2023〕12号');
  });

  it('keeps the length, so an index in the normalized text is an index in the original', () => {
    const original = '推動瑞金機場建設，ＧＤＰ增長９．２％';
    const n = normalize(original);
    expect(n.length).toBe(original.length);
    const at = n.indexOf('瑞金机场');
    expect(original.slice(at, at + 4)).toBe('瑞金機場');
  });
});

describe('folding quotations', () => {
  it('ignores punctuation width, quote style, spaces and line breaks', () => {
    expect(fold('「五型」政府，\n建設').text).toBe(fold('“五型”政府, 建设').text);
  });

  it('keeps numbers, decimal points and percent signs, which change a quotation’s meaning', () => {
    expect(fold('由45.51％提高至55.31%').text).toBe('由45.51%提高至55.31%');
  });

  it('maps every folded character back to the original', () => {
    const src = '城鎮化率由 45.51％ 提高';
    const f = fold(src);
    const i = f.text.indexOf('45');
    expect(src.slice(f.map[i], f.map[i + 5] + 1)).toBe('45.51％');
  });
});

describe('tokens for the index', () => {
  it('finds a project name jieba splits once it is in the user dictionary', () => {
    expect(words('加快推动瑞金机场建设前期工作')).not.toContain('瑞金机场');
    addUserWords(['瑞金机场']);
    expect(words('加快推动瑞金机场建设前期工作')).toContain('瑞金机场');
  });

  it('keeps bigrams of Han runs and whole numbers for recall', () => {
    expect(bigrams('依托“5511”工程')).toEqual(['依托', '5511', '工程']);
    expect(bigrams('中欧班列')).toEqual(['中欧', '欧班', '班列']);
  });
});

describe('query analysis', async () => {
  const { analyzeQuery } = await import('../server/query.js');
  const { loadTables } = await import('../ingest/tables.js');
  const tables = loadTables();
  const forms = (q: string) => analyzeQuery(q, tables).terms.map(t => t.alternatives[0]);

  it('drops a function word beside other words, and keeps a query made only of one', () => {
    expect(forms('农村的饮水 和 供水')).not.toContain('的');
    expect(forms('农村的饮水 和 供水')).not.toContain('和');
    expect(forms('农村的饮水 和 供水')).toEqual(expect.arrayContaining(['农村', '饮水', '供水']));
    expect(forms('的')).toEqual(['的']);
  });

  it('expands an alias inside a longer word and keeps the whole query as the phrase', () => {
    const q = analyzeQuery('國家發改委 经验交流', tables);
    expect(q.terms[0].alternatives).toEqual(expect.arrayContaining(['国家发改委', '国家发展改革委']));
    expect(q.phrase).toBe('国家发改委经验交流');
  });
});
