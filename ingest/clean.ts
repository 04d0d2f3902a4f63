// Text-level cleaning, as pure functions over lines: page chrome out, OCR spaces out, wrapped
// lines and soft paragraph breaks rejoined, flattened tables turned back into rows.
import type { ChromeRule, FieldName, FieldRule } from './tables.js';
import { matchMarker, SECTION_TYPES } from './markers.js';

const HAN = /[\p{Script=Han}]/u;
// CJK punctuation and full-width forms count as "Chinese" neighbours for space removal.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2014\u2026《》〈〉「」『』【】〔〕]/u;

export type PageFields = Partial<Record<FieldName, string>>;

// label：value pairs separated by |, wide gaps or 【】 (a table row: label： | value |); a value never
// holds a sentence.
const FIELD_PAIR = /([^|：:【】\s][^|：:【】]{0,11}?)\s*[:：]\s*\|?\s*([^|【】]*?)\s*(?=[|【】]|[\s\u3000]{2,}|$)/gu;

/**
 * A line made only of labelled page fields (索引号：… | 发文字号：京政发〔2023〕5号 | 发布日期：…;
 * 来源：北京市人民政府　发布时间：2023-03-01) → its values, or null when the line is anything else.
 */
export function readFieldLine(line: string, rules: FieldRule[]): { fields: PageFields; count: number } | null {
  const rest = line.replace(/^#{1,6}\s+/, '').trim();
  // A field line starts with a short label and its colon: most lines are rejected before the regex.
  if (!/^[^:：]{1,14}[:：]/.test(rest)) return null;
  const fields: PageFields = {};
  let count = 0, covered = '';
  for (const m of rest.matchAll(FIELD_PAIR)) {
    const label = m[1].trim();
    const rule = rules.find(r => r.label.test(label));
    if (!rule || m[2].length > 40 || /[。；]/.test(m[2])) return null;
    count++;
    covered += m[0];
    if (rule.field && m[2] && !fields[rule.field]) fields[rule.field] = m[2].replace(/\s+/g, ' ').trim();
  }
  // Everything but separators must belong to a field, or the line is body text.
  const leftover = rest.replace(FIELD_PAIR, '').replace(/[|【】\s\u3000]/g, '');
  return count && !leftover && covered ? { fields, count } : null;
}

/** Drop page chrome lines; a breadcrumb line is kept aside (the issuer is in it), labelled fields are read. */
export function dropChrome(lines: string[], rules: ChromeRule[], fieldRules: FieldRule[] = []): { lines: string[]; breadcrumb?: string; fields: PageFields; dropped: number } {
  const out: string[] = [];
  let breadcrumb: string | undefined;
  const fields: PageFields = {};
  let dropped = 0, seen = 0;
  for (const [k, raw] of lines.entries()) {
    // Converted pages keep a heading's # (### 相关文件): the chrome is the text after it.
    const line = raw.trim().replace(/^#{1,6}\s+/, '');
    if (line) seen++;
    const rule = line ? rules.find(r => r.pattern.test(line)) : undefined;
    // One labelled field is chrome only near the top of the page; several on a line are chrome anywhere.
    const found = !rule && line ? readFieldLine(line, fieldRules) : null;
    if (found && (found.count >= 2 || seen <= 40)) {
      for (const [f, v] of Object.entries(found.fields)) fields[f as FieldName] ??= v;
      dropped++;
      continue;
    }
    if (!rule) { out.push(raw); continue; }
    dropped++;
    if (rule.action === 'breadcrumb') breadcrumb ??= line;
    if (rule.action === 'stop') { dropped += lines.length - k - 1; break; }
  }
  return { lines: out, breadcrumb, fields, dropped };
}

/**
 * Remove spaces that OCR or PDF extraction put inside words: any whitespace run next to a Han
 * character or CJK punctuation goes (长征国 家文化公园 → 长征国家文化公园, 2013 年 → 2013年);
 * spaces between Latin words or numbers stay; 9 .2% and 2. 1倍 are numbers split by a space.
 */
export function removeOcrSpaces(line: string): string {
  let s = line.replace(/[ \t\u3000\u00a0]+/g, (run, at: number, all: string) => {
    const before = all[at - 1] ?? '';
    const after = all[at + run.length] ?? '';
    if (!before || !after) return '';
    // 第一条 为… / 第一章 总则: the space after an article or chapter marker is a real separator.
    if (/^第[^第]{1,8}[条章节编條節編](之[一二三四五六七八九十]+)?$/.test(all.slice(0, at).replace(/\s+/g, '').trim())) return ' ';
    // A letter-spaced word (总　　则, 附　则, 前 言) is one word: single characters on both sides.
    if (HAN.test(before) && HAN.test(after) && /(^|\s)\S$/u.test(all.slice(0, at)) && /^\S(\s|$)/u.test(all.slice(at + run.length))) return '';
    // Two or more spaces in a short line separate phrases of a title (解放思想  牢记嘱托).
    if (run.length >= 2 && all.trim().length <= 30 && HAN.test(before) && HAN.test(after)) return ' ';
    if (CJK.test(before) || CJK.test(after)) return '';
    return ' ';
  });
  s = s.replace(/(\d) (\.\d)/g, '$1$2').replace(/(\d\.) (\d)/g, '$1$2');
  return s;
}

export type Block =
  | { kind: 'para'; text: string; md?: number }
  | { kind: 'table'; caption?: string; header: string[]; rows: { category?: string; cells: string[] }[] };

const PARA_END = /[。！？!?]$|[。！？!?][”"』」)）]$/;
const SOFT_END = /[。！？!?；;：:]$|[。！？][”"」）)]$/;
// A line ending with one of these cannot end a heading: the sentence goes on.
const CONTINUES = /[是和的与及在对为把将、，,“（(]$/;
const INDENT = /^(?:\u3000|[ \t]{2,})/;
const ATTACHMENT_LIST = /^附件[:：]\s*1\s*[.．、]/;
const TABLE_LINE = /^(.*\S)?\s*\|$/;

export function isPlainHeading(text: string): boolean {
  return text.length <= 30 && !/[。；！？，,：:;!?]/.test(text) && !CONTINUES.test(text) && !matchMarker(text) && HAN.test(text);
}

/** A list item's title: short, no punctuation at all, and not stopping mid-phrase. */
function isListTitle(rest: string): boolean {
  const t = rest.trim();
  return t.length >= 2 && t.length <= 20 && !/[\p{P}]/u.test(t.replace(/[“”"《》〈〉（）()]/g, '')) && !CONTINUES.test(t);
}

/** The line goes on with the rest of a title: a short phrase closed by 。 before any comma, or a fragment. */
function finishesTitle(line: string): boolean {
  const head = /^[^。；！？，,]*[。；！？]/.exec(line);
  const fragment = line.length <= 20 && !/[。；！？]/.test(line); // 4.實施\n農村電網、\n農村公路…
  return /^[，。、；：,.;:）)”]/.test(line) || (!!head && head[0].length <= 21) || fragment;
}

function joinText(a: string, b: string): string {
  const last = a[a.length - 1] ?? '', first = b[0] ?? '';
  return /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first) ? `${a} ${b}` : a + b;
}

/** Turn a run of `cell |` lines back into rows. */
export function parseTable(cellLines: string[]): { header: string[]; rows: { category?: string; cells: string[] }[] } {
  const cells = cellLines.map(l => removeOcrSpaces(l.replace(/\|\s*$/, '').trim()));
  // The header is the longest prefix that recurs (tables split over pages repeat it).
  let header: string[] = [];
  for (let w = Math.min(12, Math.floor(cells.length / 2)); w >= 2; w--) {
    const prefix = cells.slice(0, w).join('\u0001');
    let found = false;
    for (let i = w; i + w <= cells.length && !found; i++) if (cells.slice(i, i + w).join('\u0001') === prefix) found = true;
    if (found) { header = cells.slice(0, w); break; }
  }
  const body: string[] = [];
  for (let i = header.length; i < cells.length; i++) {
    if (header.length && cells.slice(i, i + header.length).join('\u0001') === header.join('\u0001')) { i += header.length - 1; continue; }
    body.push(cells[i]);
  }
  // Rows end at a cell of the final, low-cardinality column (预期性/约束性, 是/否 …): a short,
  // non-numeric value that recurs.
  const freq = new Map<string, number>();
  for (const c of body) if (c && c.length <= 8 && !/\d/.test(c)) freq.set(c, (freq.get(c) ?? 0) + 1);
  const terminal = new Set([...freq].filter(([, n]) => n >= 3).map(([c]) => c));
  const rows: { category?: string; cells: string[] }[] = [];
  let cur: string[] = [];
  let category: string | undefined;
  const flush = () => {
    while (cur.length && !cur[0]) cur.shift();
    if (!cur.length) return;
    if (header.length && cur.length >= header.length) category = cur[0];
    rows.push({ category: cur.length < header.length ? category : undefined, cells: cur });
    cur = [];
  };
  const width = header.length || 0;
  for (const c of body) {
    if (!cur.length && !c) continue; // a lone | between rows
    cur.push(c);
    if (terminal.has(c) || (width && cur.length >= width)) flush();
  }
  flush();
  return { header, rows };
}

/** Rows of a tab-separated table starting at line i: a header and at least one row, 3+ cells each. */
function tabTableAt(lines: string[], i: number): string[][] | null {
  const cells = (l: string) => l.trim().split(/\t+/).map(c => c.trim());
  const width = cells(lines[i]).length;
  if (!lines[i].includes('\t') || width < 3) return null;
  let j = i + 1;
  while (j < lines.length && lines[j].includes('\t') && cells(lines[j]).length >= 2) j++;
  return j - i >= 2 ? lines.slice(i, j).map(cells) : null;
}

/**
 * Lines → blocks. Joins lines wrapped by a PDF or a converter and blank lines that fall inside a
 * sentence; never joins across a line that starts with a marker; keeps short unpunctuated lines
 * (headings) on their own.
 */
export function toBlocks(rawLines: string[]): Block[] {
  const blocks: Block[] = [];
  let cur: string | null = null;
  let sawBlank = false;
  const flush = () => { if (cur !== null && cur.trim()) blocks.push({ kind: 'para', text: cur.trim() }); cur = null; };
  const lines = rawLines.map(l => l.replace(/\s+$/, ''));
  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i];
    if (!rawLine.trim()) { sawBlank = true; continue; }
    // A table copied from a word processor: tab-separated rows under a header row.
    const tabRows = tabTableAt(lines, i);
    if (tabRows) {
      flush();
      const [header, ...rows] = tabRows.map(r => r.map(c => removeOcrSpaces(c)));
      blocks.push({ kind: 'table', header, rows: rows.map(cells => ({ cells })) });
      i += tabRows.length - 1;
      sawBlank = false;
      continue;
    }
    // A flattened table: four or more consecutive `cell |` lines.
    if (TABLE_LINE.test(rawLine.trim()) || rawLine.trim() === '|') {
      let j = i;
      while (j < lines.length && (TABLE_LINE.test(lines[j].trim()) || lines[j].trim() === '|')) j++;
      const run = lines.slice(i, j);
      const short = run.filter(l => l.length <= 40).length;
      if (run.length >= 4 && short / run.length > 0.8) {
        let caption: string | undefined;
        const prev = blocks[blocks.length - 1];
        if (cur !== null && isPlainHeading(removeOcrSpaces((cur as string).trim()))) { caption = removeOcrSpaces((cur as string).trim()); cur = null; }
        else { flush(); if (prev?.kind === 'para' && isPlainHeading(prev.text)) { caption = prev.text; blocks.pop(); } }
        blocks.push({ kind: 'table', caption, ...parseTable(run) });
        i = j - 1;
        sawBlank = false;
        continue;
      }
      // A boxed paragraph (专栏 content) ends with a stray |: drop the bar, keep the text.
      lines[i] = rawLine.replace(/\s*\|$/, '');
    }
    const md = /^(#{1,6})\s+(.*)$/.exec(lines[i].trim());
    if (md) {
      flush();
      blocks.push({ kind: 'para', text: removeOcrSpaces(md[2].trim()), md: md[1].length });
      sawBlank = false;
      continue;
    }
    const line = removeOcrSpaces(lines[i].trim());
    if (cur === null) { cur = line; sawBlank = false; continue; }
    const prev: string = cur;
    const marker = matchMarker(line);
    const prevMarker = matchMarker(prev);
    let join: boolean;
    // 附件：1．…\n2．…: the notice's list of attachments stays one block, one name a line.
    if (ATTACHMENT_LIST.test(prev) && marker?.type === 'arabic' && !/[。；]/.test(line)) { cur = `${prev}\n${line}`; sawBlank = false; continue; }
    if (marker) join = false;
    // 依照本办法\n第三条规定的…: a marker-like start that failed its context check is a wrapped line.
    else if (/^第\s*[一二三四五六七八九十百零〇\d]+\s*[条章节條節]/.test(line)) join = true;
    else if (prevMarker && SECTION_TYPES.has(prevMarker.type) && !/[。；]/.test(prev)) join = false;
    // ⼀、指导思想 / （二）主要目标 on a line of their own: a short unpunctuated title ends there —
    // unless the next line finishes the title (2.提高\n住房保障水平。…: a PDF wrap).
    else if (prevMarker && isListTitle(prev.slice(prevMarker.length)) && !finishesTitle(line)) join = false;
    else if (!prevMarker && isPlainHeading(prev)) join = false;
    // An indented line after a finished sentence or a salutation (主送机关：) opens a paragraph.
    else if (!sawBlank && INDENT.test(rawLine) && SOFT_END.test(prev)) join = false;
    else if (!sawBlank) join = !PARA_END.test(prev);
    // A blank line inside a sentence is a soft break: the paragraph before it stops mid-clause
    // (，、) or runs long without closing punctuation. A title line never does.
    else join = !SOFT_END.test(prev) && (/[，,、]$/.test(prev) || prev.length > 60 && /[\p{Script=Han}\d]$/u.test(prev));
    if (join) cur = joinText(prev, line);
    else { flush(); cur = line; }
    sawBlank = false;
  }
  flush();
  return blocks;
}
