// Document metadata from the header region and the end block — never from the first match in
// the body, where cited documents' numbers and dates live.
import type { Block } from './clean.js';
import { isPlainHeading, type PageFields } from './clean.js';
import { matchMarker } from './markers.js';
import { normalize } from './text.js';

export interface ExtractedMeta {
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  signer: string | null;
  date: string | null;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二一 → 2021; 二十七 → 27; 十 → 10. */
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return Number([...s].map(c => CN_DIGIT[c] ?? '').join(''));
  const [tens, ones] = s.split('十');
  return (tens ? CN_DIGIT[tens] : 1) * 10 + (ones ? CN_DIGIT[ones] : 0);
}

const DATE = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?|(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?/;

/** A date written any of the usual ways, as YYYY-MM-DD (or YYYY-MM). */
export function parseDate(text: string): string | null {
  const m = DATE.exec(normalize(text));
  if (!m) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const y = cnNumber(m[1] ?? m[4]);
  const mo = cnNumber(m[2] ?? m[5]);
  const d = m[3] ?? m[6];
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12) return null;
  return d ? `${y}-${pad(mo)}-${pad(cnNumber(d))}` : `${y}-${pad(mo)}`;
}

// 发文字号 on a line of its own: 赣苏振党组字〔2024〕3号, 劳社部发[2008]3号, 湘政办发〔2022〕第15号.
const DOC_NUMBER = /^([\p{Script=Han}]{1,14})\s*[〔[［(（﹝【]\s*(\d{4})\s*[〕\]］)）﹞】]\s*第?\s*0*(\d+)\s*号$/u;

/** Normalize a 发文字号 to the printed standard: 〔〕, no 第, no leading zeros. */
export function normalizeDocNumber(text: string): string | null {
  const m = DOC_NUMBER.exec(normalize(text.trim()).replace(/\s+/g, ''));
  return m ? `${text.trim().slice(0, m[1].length)}〔${m[2]}〕${m[3]}号` : null;
}

const KIND_RE = /(报告|规划|意见|通知|办法|方案|要点|解读|决定|纲要|细则|规定|条例|批复|公告|通告|纪要|总结|计划|措施|决议|讲话|通报|函|任务|安排|清单|政策)》?$/;
/** Ends with a kind of document (通知, 方案, 要點…), in either script. */
const DOC_KIND = { test: (t: string) => KIND_RE.test(normalize(t)) };
const ORG = /(党组|委员会|人民政府|政府|办公室|办公厅|局|厅|委|办|部|院|中心)$/;
const DATE_ONLY = /^[(（]?\s*[\d〇零一二三四五六七八九十]{4}\s*年[^。，,]{1,8}[)）]?$|^[(（]?\d{4}-\d{1,2}-\d{1,2}[)）]?$/;
// 发文机关标志: the red header line 某省人民政府办公厅文件 names the issuer; it is not part of the title.
const ISSUER_MARK = /^(.{2,30}?(?:党组|委员会|人民政府|政府|办公室|办公厅|局|厅|委|办|部|院|中心))文件$/;
// 题注 under the title of a 办法/条例: （2022年6月10日…通过　2022年7月1日…公布　自…施行）.
const ENACTMENT = /^[(（].*(?:通过|公布|发布|施行|修订|修正|印发).*[)）]$/;
// 公开属性 after the signature: （此件公开发布）, （此件主动公开）, （此件不予公开）.
const PUBLICITY = /^[(（]此件[^()（）]{2,8}[)）]$/;
// 主送机关 or salutation: 各市、县（区）人民政府，省政府各部门：
const ADDRESSEE = /^[^。；;]{1,60}[:：]$/;
const SIGNATURE = /^[\p{Script=Han}（）()、]{2,30}$/u;

/** Date of a 题注: the promulgation (公布/发布) date when given, else the first date. */
function enactmentDate(t: string): string | null {
  const parts = t.split(/(?<=通过|公布|发布|印发|施行|修订|修正)/);
  const published = parts.find(p => /公布|发布|印发/.test(p) && parseDate(p));
  return parseDate(published ?? t);
}

/** A wrapped title line continues the one before it; separate title phrases keep a space between them. */
function joinTitle(acc: string, part: string): string {
  if (!acc) return part;
  if (part.startsWith('——')) return acc + part;
  const wrapped = !DOC_KIND.test(acc) && (DOC_KIND.test(part) || /^[(（]/.test(part));
  return wrapped ? acc + part : `${acc} ${part}`;
}

/** A signature block (落款): an organisation line, then a date line, then perhaps （此件公开发布）. */
function signatureAt(blocks: Block[], k: number): number {
  const [a, b, c] = blocks.slice(k, k + 3).map(x => (x?.kind === 'para' ? x.text : ''));
  if (!a || !b || !SIGNATURE.test(a) || !ORG.test(a) || DOC_KIND.test(a) || matchMarker(a) || !DATE_ONLY.test(b)) return 0;
  return PUBLICITY.test(c ?? '') ? 3 : 2;
}

type Para = Extract<Block, { kind: 'para' }>;

function definiteHeader(b: Para): boolean {
  const t = b.text;
  return !!normalizeDocNumber(t) || /^签发人/.test(t) || DATE_ONLY.test(t) || /^——/.test(t) || (DOC_KIND.test(t) && !/[。；]/.test(t) && t.length <= 90 && !matchMarker(t));
}

/**
 * Take the header blocks off the front (and a closing date off the end) of a document and read
 * its metadata from them. Returns the body blocks.
 */
export function extractMetadata(blocks: Block[], breadcrumb?: string, fields: PageFields = {}): { meta: ExtractedMeta; header: string[]; body: Block[] } {
  const meta: ExtractedMeta = { title: null, docNumber: null, issuer: null, signer: null, date: null };
  const titleParts: string[] = [];
  let i = 0;
  for (; i < blocks.length && i < 15; i++) {
    const b = blocks[i];
    if (b.kind !== 'para') break;
    const t = b.text;
    const upcomingHeader = blocks.slice(i + 1, i + 4).some(x => x.kind === 'para' && definiteHeader(x));
    if (normalizeDocNumber(t)) meta.docNumber = normalizeDocNumber(t);
    else if (ISSUER_MARK.test(t) && !titleParts.length) meta.issuer ??= ISSUER_MARK.exec(t)![1];
    else if (ENACTMENT.test(t) && titleParts.length && parseDate(t)) meta.date ??= enactmentDate(t);
    else if (/^签发人[:：]/.test(t)) meta.signer = t.replace(/^签发人[:：]\s*/, '');
    else if (DATE_ONLY.test(t)) meta.date = parseDate(t);
    else if (/^——/.test(t)) titleParts.push(t);
    else if (b.md && !matchMarker(t) && ORG.test(t) && !DOC_KIND.test(t)) meta.issuer = t;
    else if (!matchMarker(t) && DOC_KIND.test(t) && !/[。；]/.test(t) && t.length <= 90) titleParts.push(t);
    else if (/^[\p{Script=Han}]{2,4}$/u.test(t) && (meta.date || titleParts.length)) meta.signer ??= t;
    else if (ADDRESSEE.test(t) && (t.length <= 25 || /(政府|部门|单位|机构|委|局|厅|办)[:：]$/.test(t)) && (titleParts.length || meta.docNumber || meta.date)) { /* 主送机关 / salutation */ }
    else if (isPlainHeading(t) && upcomingHeader && !matchMarker(t)) titleParts.push(t);
    else break;
  }
  if (titleParts.length) {
    meta.title = titleParts.reduce(joinTitle, '');
  }
  if (breadcrumb && !fields.issuer) {
    const parts = breadcrumb.replace(/^[^:：]*[:：]/, '').split(/\s*[>＞»›]\s*/).map(s => s.trim()).filter(Boolean);
    const org = [...parts].reverse().find(p => ORG.test(p) && !/信息公开|首页|公开$/.test(p));
    if (org) meta.issuer = org;
  }
  // End block: a closing date line (二〇二二年一月五日), 此件公开发布 and 抄送/印发 lines are metadata,
  // and so is the organisation signing just above the date.
  let end = blocks.length;
  let sawDate = false;
  while (end > i) {
    const b = blocks[end - 1];
    if (b.kind !== 'para') break;
    if (DATE_ONLY.test(b.text)) { meta.date ??= parseDate(b.text); sawDate = true; }
    else if (sawDate && signatureAt(blocks, end - 1)) { meta.issuer ??= b.text; sawDate = false; }
    else if (!(PUBLICITY.test(b.text) || /^(抄送|印发|主题词)[:：]|印发$/.test(b.text))) break;
    end--;
  }
  // A 印发 notice signs before the document it issues: that signature is metadata too.
  const body: Block[] = [];
  for (let k = i; k < end; k++) {
    const n = signatureAt(blocks, k);
    if (!n) { body.push(blocks[k]); continue; }
    const [org, date] = blocks.slice(k, k + 2) as Para[];
    meta.issuer ??= org.text;
    meta.date ??= parseDate(date.text);
    k += n - 1;
  }
  fillFromFields(meta, fields);
  const header = blocks.slice(0, i).map(b => (b.kind === 'para' ? b.text : ''));
  return { meta, header, body };
}

/**
 * A page's labelled fields (发文字号：…, 发文机构：…, 成文日期：…) fill what the text left open: the
 * document's own header and signature win; 成文日期 before 发布日期; 来源 only when it names an office.
 */
function fillFromFields(meta: ExtractedMeta, f: PageFields) {
  meta.title ??= f.title ?? null;
  meta.docNumber ??= f.docNumber ? normalizeDocNumber(f.docNumber) : null;
  meta.issuer ??= f.issuer ?? (f.source && ORG.test(f.source) ? f.source : null);
  meta.date ??= (f.date && parseDate(f.date)) || (f.published && parseDate(f.published)) || null;
}

/** A page's <title> carries the site's name: 标题_政策文件_首都之窗 → 标题. */
export function pageTitle(title: string): string {
  return title.split(/\s*[_|｜]\s*|\s+[-—–]\s+/).map(s => s.trim()).find(s => s.length >= 4) ?? title.trim();
}

/** Year from the date, else from the 发文字号. */
export function yearOf(date: string | null, docNumber: string | null): number | null {
  if (date) return Number(date.slice(0, 4));
  const m = docNumber && /〔(\d{4})〕/.exec(docNumber);
  return m ? Number(m[1]) : null;
}
