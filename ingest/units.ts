// Responsible units of a clause: the bracketed （责任单位：…） / （牵头单位：…；配合单位：…） blocks of
// work plans, and organisations acting in plain text (省发展改革委牵头, 省财政厅要…).
import type { UnitRef, UnitRole } from './types.js';
import { canonicalName, type Tables } from './tables.js';
import { normalize } from './text.js';

const ROLE_OF: Record<string, UnitRole> = {
  责任单位: 'responsible', 责任部门: 'responsible', 负责单位: 'responsible', 承办单位: 'responsible',
  牵头单位: 'lead', 牵头部门: 'lead', 主责单位: 'lead',
  配合单位: 'support', 配合部门: 'support', 参与单位: 'support', 协办单位: 'support',
};
const LABEL = new RegExp(`(${Object.keys(ROLE_OF).join('|')})\\s*[:：]`, 'g');

// Organisation names end with one of these; used to tell 省发展改革委(苏区办) (two offices) from
// 各市(县)人民政府 (one name with a bracket inside).
const ORG_SUFFIX = /(委员会|人民政府|政府|办公室|办公厅|督查室|研究室|厅|局|委|办|部|署|院|会|中心支行|分行|支行|银行|集团|公司|海关|监管局|党组|小组|单位|市|县|区)$/;
const PLAIN_ORG = /(?:国家|省委|省|市委|市|县|区|中共[\p{Script=Han}]{2,8}?|民航|人民银行|江西|各)[\p{Script=Han}]{1,10}?(?:委员会|人民政府|办公室|办公厅|发展改革委|厅|局|委|办|海关|集团|分行|中心支行)(?![\p{Script=Han}]{0,1}(?:员|会议|书记|主任|副))/gu;
const ACTING = /^(?:\s*)(?:牵头|负责|配合|要|会同|联合|组织|指导|统筹|督促|做好|抓好|加强|推动|协调|按照|制定|出台|研究|积极|继续|进一步)/;

/** Split a unit list on 、，, and ; outside brackets. */
function splitList(s: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if (ch === '(' || ch === '（') depth++;
    if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,;；]/.test(ch)) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return joinLevels(out.map(x => x.replace(/\s+/g, '').replace(/^(等|及|和)/, '').replace(/(等|等单位|等部门)$/, ''))).filter(x => x.length >= 2);
}

// 各市、县（区）人民政府 is one unit (every city and county government): an item that is only an
// administrative level (各市, 县, 各设区市) belongs to the name after it.
const LEVEL_ONLY = /^各?(?:设区的?)?[省市县区乡镇州盟旗](?:[(（][^()（）]*[)）])?$/;
function joinLevels(items: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < items.length; k++) {
    let name = items[k];
    while (LEVEL_ONLY.test(name) && k + 1 < items.length) name = `${name}、${items[++k]}`;
    out.push(name);
  }
  return out;
}

/** 省发展改革委(省苏区办) → both offices; 各市(县)人民政府 → one. */
function expandCompound(name: string): string[] {
  const m = /^(.+?)[(（]([^()（）]+)[)）](.*)$/.exec(name);
  if (!m) return [name];
  const [, outer, inner, rest] = m;
  if (rest) return [name.replace(/[()（）]/g, '')].length ? [name] : [name];
  if (!ORG_SUFFIX.test(inner) || inner.length < 2) return [name];
  const prefix = /^(省|市|县|国家)/.exec(outer)?.[1] ?? '';
  return [outer, inner.startsWith(prefix) ? inner : prefix + inner];
}

/** Find the closing bracket matching the one at `open`, allowing nested brackets. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') { depth--; if (depth === 0) return i; }
  }
  return s.length;
}

/** The role a table column gives the units in it: 责任单位 → responsible, 牵头单位 → lead… */
export function roleOfColumn(header: string): UnitRole | null {
  const h = normalize(header).replace(/\s+/g, '');
  const key = Object.keys(ROLE_OF).find(k => h.includes(k));
  return key ? ROLE_OF[key] : null;
}

/** `normalized` is normalize(text), when the caller has it already (enrich.ts). */
export function extractUnits(text: string, tables: Tables, cells: { text: string; header: string }[] = [], normalized = normalize(text)): UnitRef[] {
  // normalize() folds （）： to ()：, traditional to simplified; same length as the original.
  const n = normalized;
  const found = new Map<string, UnitRole>();
  const rank: Record<UnitRole, number> = { lead: 3, responsible: 2, support: 1, mentioned: 0 };
  const add = (raw: string, role: UnitRole) => {
    for (const part of expandCompound(raw)) {
      const name = canonicalName(part, tables);
      if (name.length < 2) continue;
      const prev = found.get(name);
      if (prev === undefined || rank[role] > rank[prev]) found.set(name, role);
    }
  };
  const spans: [number, number][] = [];
  // Bracketed blocks whose content starts with a label: （责任单位：…） or （牵头单位：…；配合单位：…）.
  for (let open = n.indexOf('('); open >= 0; open = n.indexOf('(', open + 1)) {
    const head = n.slice(open + 1, open + 12).replace(/\s+/g, '');
    LABEL.lastIndex = 0;
    const first = LABEL.exec(head);
    const close = closing(n, open);
    // （省能源局、国网某省电力公司负责。列第一位者为牵头单位）
    const duty = /^([^()]+?)负责[。.]?\s*(列第一位者?为牵头单位)?[。.]?$/.exec(n.slice(open + 1, close).replace(/\s+/g, ''));
    if (duty && (!first || first.index !== 0)) {
      const items = splitList(duty[1]);
      if (items.length && items.every(it => ORG_SUFFIX.test(it.replace(/\(.*\)$/, '')) || /公司$/.test(it))) {
        items.forEach((it, i) => add(it, duty[2] && i === 0 ? 'lead' : 'responsible'));
        spans.push([open, close]);
        open = close;
        continue;
      }
    }
    if (!first || first.index !== 0) continue;
    const body = n.slice(open + 1, close);
    spans.push([open, close]);
    // 列第一位者为牵头单位: the first listed unit leads.
    const firstLeads = /列?第一位(者)?为牵头单位/.test(body);
    LABEL.lastIndex = 0;
    const labels = [...body.matchAll(LABEL)];
    labels.forEach((m, k) => {
      const seg = body.slice(m.index! + m[0].length, k + 1 < labels.length ? labels[k + 1].index : body.length);
      const items = splitList(seg.replace(/[。.]?(列第一位.*)?$/, '').replace(/负责$/, ''));
      items.forEach((it, i) => add(it, firstLeads && k === 0 && i === 0 ? 'lead' : ROLE_OF[m[1]]));
    });
    open = close;
  }
  // Plain text: 省发展改革委牵头，省财政厅配合 / 省发展改革委（省苏区办）要加强…
  PLAIN_ORG.lastIndex = 0;
  const named: { name: string; start: number; end: number }[] = [];
  for (let m; (m = PLAIN_ORG.exec(n)); ) {
    if (spans.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    let end = m.index + m[0].length;
    let name = m[0];
    const paren = /^\(([^()]{2,12})\)/.exec(n.slice(end));
    if (paren && ORG_SUFFIX.test(paren[1])) { name += `(${paren[1]})`; end += paren[0].length; }
    named.push({ name, start: m.index, end });
  }
  named.forEach((u, k) => {
    // 省发展改革委、省工业和信息化厅配合: every name of a 、/和 list takes the verb after the last one.
    let last = k;
    while (last + 1 < named.length && /^[、和及与]$/.test(n.slice(named[last].end, named[last + 1].start))) last++;
    const after = n.slice(named[last].end, named[last].end + 6);
    const known = tables.canonical.has(normalize(u.name.replace(/\(.*\)/, '')));
    if (!known && !ACTING.test(after)) return;
    const role: UnitRole = /^牵头/.test(after) ? 'lead' : /^配合/.test(after) ? 'support' : /^负责/.test(after) ? 'responsible' : 'mentioned';
    add(u.name, role);
  });
  // A task table's 责任单位 column lists units without a label: the column heading gives their role.
  for (const cell of cells) {
    const role = roleOfColumn(cell.header);
    if (!role) continue;
    const c = normalize(cell.text);
    const firstLeads = /列?第一位(者)?为牵头单位/.test(c);
    splitList(c.replace(/[(（]?列?第一位.*$/, '').replace(/负责[。.]?$/, ''))
      .filter(it => ORG_SUFFIX.test(it.replace(/\(.*\)$/, '')) || /公司$/.test(it))
      .forEach((it, i) => add(it, firstLeads && i === 0 ? 'lead' : role));
  }
  return [...found].map(([name, role]) => ({ name, role }));
}
