// Named projects and platforms (瑞金机场, 赣深高铁, 中国科学院赣江创新研究院…): names ending with a
// suffix of project-patterns.tsv, trimmed of leading verbs, resolved through aliases.tsv.
import { canonicalName, type Tables } from './tables.js';
import { normalize } from './text.js';

const compiled = new WeakMap<Tables, { suffix: RegExp; strict: Set<string>; known: RegExp | null }>();

function patterns(tables: Tables) {
  let p = compiled.get(tables);
  if (!p) {
    const suffixes = tables.projectSuffixes.map(s => s.suffix).sort((a, b) => b.length - a.length);
    const names = [...tables.canonical.keys()].filter(k => tables.projectSuffixes.some(s => k.endsWith(s.suffix)) || /高铁|客专|陆港/.test(k));
    p = {
      suffix: new RegExp(`[\\p{Script=Han}A-Za-z0-9“”"]{2,14}?(?:${suffixes.join('|')})(?:[一二三四]期)?(?![局支城集公办厅委站段处])`, 'gu'),
      strict: new Set(tables.projectSuffixes.filter(s => s.strict).map(s => s.suffix)),
      known: names.length ? new RegExp(names.sort((a, b) => b.length - a.length).map(k => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null,
    };
    compiled.set(tables, p);
  }
  return p;
}

function trimFront(name: string, stop: string[]): string {
  let s = name.replace(/[“”"]/g, '');
  // Cut after the last verb or function word inside the candidate: 到2025年建成某市综合物流园区 → 某市综合物流园区.
  let cut = 0;
  for (const w of [...stop, '关于', '年', '条']) {
    const at = s.lastIndexOf(w, s.length - 3);
    if (at >= 0 && at + w.length > cut && at + w.length < s.length - 1) cut = at + w.length;
  }
  s = s.slice(cut);
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of stop) if (s.startsWith(w) && s.length > w.length + 1) { s = s.slice(w.length); changed = true; }
  }
  return s;
}

const GENERIC_HEAD = /^(正式|新|一类|二类|一批|一个|各类|若干|区域性|国家级|省级|市级|重大|重点|综合|公共|新型|现代|特色|其他|全国|有关|相关|各|该|本|这)/;

export function extractProjects(text: string, tables: Tables): string[] {
  const n = normalize(text).replace(/\s+/g, '');
  const p = patterns(tables);
  const out = new Set<string>();
  if (p.known) for (const m of n.matchAll(p.known)) out.add(canonicalName(m[0], tables));
  // Split at punctuation first so a list 瑞金机场、抚州机场 yields each name on its own.
  for (const piece of n.split(/[、，,。；;：:()（）《》〈〉\s]/)) {
    p.suffix.lastIndex = 0;
    for (const m of piece.matchAll(p.suffix)) {
      const name = trimFront(m[0], tables.projectStopwords);
      const suffix = tables.projectSuffixes.find(s => name.replace(/[一二三四]期$/, '').endsWith(s.suffix))!;
      if (!suffix) continue;
      const head = name.replace(/[一二三四]期$/, '').slice(0, -suffix.suffix.length);
      if (head.length < 2 || (p.strict.has(suffix.suffix) && (head.length < 3 || GENERIC_HEAD.test(head)))) continue;
      if (/^[的和与及在]/.test(head) || /[的是]/.test(head.slice(-1))) continue;
      out.add(canonicalName(name, tables));
    }
  }
  // Drop a name that is only the tail of a longer one found in the same clause (机场 inside 瑞金机场 is not possible, but 赣江创新研究院 inside 中国科学院赣江创新研究院 is).
  // A candidate that merely has words in front of a known name is that name (尽早开工建设赣深客专 → 赣深高铁).
  const known = new Set(tables.canonical.values());
  const list = [...out].filter(b => ![...out].some(a => a !== b && known.has(a) && b.length > a.length && tables.canonical.get(normalize(b.slice(-a.length))) === a || a !== b && known.has(a) && [...(tables.aliases.get(a) ?? [])].some(al => b.length > al.length && b.endsWith(al))));
  return list;
}
