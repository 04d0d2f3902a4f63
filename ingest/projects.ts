// Named projects and platforms (瑞金机场, 赣深高铁, 中国科学院赣江创新研究院…): names ending with a
// suffix of project-patterns.tsv, resolved through aliases.tsv. A name starts where the name starts:
// at a word boundary of the sentence (jieba), after the verbs, prepositions and particles that
// introduce it (project-stopwords.tsv and the words' part of speech), never at a quantity
// (5个千亿级园区) or a cut-off word.
import { canonicalName, userWords, type Tables } from './tables.js';
import { addUserWords, normalize } from './text.js';
import { taggedWords, wordTag, type TaggedWord } from './tagged-words.js';

interface Compiled { suffix: RegExp; strict: Set<string>; known: RegExp | null; stop: Set<string>; maxStop: number }
const compiled = new WeakMap<Tables, Compiled>();

function patterns(tables: Tables): Compiled {
  let p = compiled.get(tables);
  if (!p) {
    // Word boundaries must know the table names (瑞金机场 is one word, not 瑞金/机场).
    addUserWords(userWords(tables));
    const suffixes = tables.projectSuffixes.map(s => s.suffix).sort((a, b) => b.length - a.length);
    const names = [...tables.canonical.keys()].filter(k => tables.projectSuffixes.some(s => k.endsWith(s.suffix)) || /高铁|客专|陆港/.test(k));
    p = {
      // A suffix occurrence, with the phase after it (二期); not when it is the start of an office or a section (机场公安局, 铁路段).
      suffix: new RegExp(`(?:${suffixes.join('|')})(?:[一二三四]期)?(?![局支城集公办厅委站段处])`, 'gu'),
      strict: new Set(tables.projectSuffixes.filter(s => s.strict).map(s => s.suffix)),
      known: names.length ? new RegExp(names.sort((a, b) => b.length - a.length).map(k => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null,
      stop: new Set([...tables.projectStopwords, '关于']),
      maxStop: Math.max(2, ...tables.projectStopwords.map(w => w.length)),
    };
    compiled.set(tables, p);
  }
  return p;
}

/** Characters a name is made of; anything else (punctuation, spaces) ends it. */
const NAME_CHAR = /[\p{Script=Han}a-z0-9“”"+]/u;
/** Parts of speech that introduce a name but never belong to its front: particles (的, 了, 着, 过; not 地, which is also land), conjunctions (和, 及, 或). */
const BREAK_TAG = /^(uj|ul|uz|ug|c)$/;
/** Parts of speech stripped from the front of a name: adverbs, prepositions, pronouns, conjunctions, particles. */
const FRONT_TAG = /^(d|p|r|c)$|^u/;
/** A name never ends its modifier with a function word: 科研机构到示范区, 贯穿于示范区. */
const HEAD_END_TAG = /^(p|u|c)$|^u/;
const HEAD_END_CHAR = /[的是于到着了在向对把将被]$/;
const GENERIC_HEAD = /^(正式|新|一类|二类|一批|一个|各类|若干|区域性|国家级|省级|市级|重大|重点|综合|公共|新型|现代|特色|其他|全国|有关|相关|各|该|本|这)/;
const QUANTIFIER = /^(q|eng)$/;
const QUOTE = /^[“”"]$/;

/** Does word k end a table word (加快; 新设 = 新/设; 发挥 in 充分发挥, 争取 in 积极争取) or a date (2025年)? */
function endsStopword(words: TaggedWord[], k: number, p: Compiled): boolean {
  let s = '';
  for (let j = k; j >= 0 && s.length < p.maxStop; j--) {
    s = words[j].word + s;
    if (p.stop.has(s)) return true;
  }
  const w = words[k].word;
  for (let l = 2; l < w.length; l++) if (p.stop.has(w.slice(-l))) return true;
  return w === '年' && /^[0-9一二三四五六七八九十〇零]+$/.test(words[k - 1]?.word ?? '');
}

const isVerb = (w: TaggedWord) => /^v[di]?$/.test(w.tag);
const isProper = (w: TaggedWord | undefined) => !!w && /^(ns|nr|nt|nz)$/.test(w.tag);

/**
 * Where the name ending in words[to] starts, searching words[from..to]; null when nothing of a name
 * is left. words[to] holds the suffix (it may begin before it: 产业基地, 黄金机场).
 */
function nameStart(words: TaggedWord[], from: number, to: number, p: Compiled, piece: string): number | null {
  // Cut after the last word that introduces a name: a table verb or function word (加快, 推进, 到…), a particle, a conjunction.
  let i = from;
  for (let k = to - 1; k >= from; k--) {
    if (BREAK_TAG.test(words[k].tag) || endsStopword(words, k, p)) { i = k + 1; break; }
    // Two quoted names side by side share the suffix: “…保护与传承”“赣南客家民俗文化传承”工程 starts at the second.
    if (QUOTE.test(words[k].word) && k > from && QUOTE.test(words[k - 1].word)) { i = k; break; }
  }
  // Then strip what may still stand in front: table words; adverbs, prepositions, pronouns and conjunctions of two
  // or more characters (a single character may begin a name: 于都); a verb of two or more characters when what
  // follows is another verb or a proper name (扶持南康…, 牵头召开…; but 承接产业转移示范区, 休闲农业精品园区 stay whole).
  while (i < to) {
    const w = words[i];
    if (p.stop.has(w.word) || w.word.length > 1 && (FRONT_TAG.test(w.tag) || isVerb(w) && (isVerb(words[i + 1]) || isProper(words[i + 1])))) i++;
    else break;
  }
  if (i === to && words[to].word.length <= 2) return null;
  // A name has a noun in front of its suffix: 牵头召开示范区, 提高口岸 are clauses.
  if (i < to && words.slice(i, to).every(isVerb)) return null;
  // A count of things is not a name (5个千亿级园区, 两千亿级园区, 120g锂电池生产基地): numbers, then a measure word.
  let j = i;
  while (j < to && words[j].tag === 'm') j++;
  if (j > i && j <= to && QUANTIFIER.test(words[j].tag)) return null;
  // A lone digit or letter run cut off from what stands before it.
  if (/^[0-9a-z]/.test(words[i].word) && words[i].start > 0 && /[0-9a-z.+\-/]/.test(piece[words[i].start - 1])) return null;
  return i;
}

/** `normalized` is normalize(text), when the caller has it already (enrich.ts). */
export function extractProjects(text: string, tables: Tables, normalized = normalize(text)): string[] {
  const n = normalized.replace(/\s+/g, '');
  const p = patterns(tables);
  const out = new Set<string>();
  if (p.known) for (const m of n.matchAll(p.known)) out.add(canonicalName(m[0], tables));
  // Split at punctuation first so a list 瑞金机场、抚州机场 yields each name on its own.
  for (const piece of n.split(/[、，,。；;：:()（）《》〈〉\s]/)) {
    p.suffix.lastIndex = 0;
    const hits = [...piece.matchAll(p.suffix)];
    if (!hits.length) continue;
    const words = taggedWords(piece);
    const wordAt = new Map(words.map((w, k) => [w.start, k]));
    const endsWord = new Set(words.map(w => w.end));
    let from = 0; // a name starts after the previous one
    for (const m of hits) {
      const sStart = m.index!, end = sStart + m[0].length;
      // The suffix must end a word: 工程 in 工程师 or 工程技术中心 is not the end of a name; 工程建设 is
      // the name's 工程 and then what is done to it (a table word or a verb).
      if (sStart < from) continue;
      // Nor may a suffix jieba does not know as a word begin inside a word that ends within it: 陆港 in 内陆/港
      // (产业园/区 is still a 园区: 园区 is a word).
      if (wordTag(m[0]) === 'x' && words.some(w => w.start < sStart && w.end > sStart && w.end < end)) continue;
      if (!endsWord.has(end)) {
        const w = words.find(w => w.start <= sStart && w.end > end);
        const rest = w && w.start === sStart ? w.word.slice(end - w.start) : '';
        if (!(rest.length > 1 && (p.stop.has(rest) || /^v/.test(wordTag(rest))))) continue;
      }
      // The name's words: back to the previous name or to a character no name contains.
      let start = sStart;
      while (start > from && NAME_CHAR.test(piece[start - 1])) start--;
      // The suffix's own word may begin before it (产业基地, 文化公园); the candidate ends at that word's start.
      let last = words.findIndex(w => w.end > sStart);
      if (last < 0) continue;
      while (!wordAt.has(start) && start < words[last].start) start++;
      const first = wordAt.get(start) ?? last;
      // A candidate with words before its suffix is used up, name or not: a rejected clause (牵头召开示范区) is not
      // the front of the next name. A bare suffix word (高铁 in 高铁新区) may be.
      if (first < last) from = end;
      const at = nameStart(words, first, last, p, piece);
      if (at === null) continue;
      const raw = piece.slice(words[at].start, end);
      const name = raw.replace(/[“”"]/g, '');
      const bare = name.replace(/[一二三四]期$/, '');
      const suffix = tables.projectSuffixes.find(s => bare.endsWith(s.suffix));
      if (!suffix) continue;
      const head = bare.slice(0, -suffix.suffix.length);
      if (head.length < 2 || (p.strict.has(suffix.suffix) && (head.length < 3 || GENERIC_HEAD.test(head)))) continue;
      // The word right before the suffix's word: a function word there means a clause, not a name.
      const before = words[last - 1];
      if (words[last].start === sStart && before && before.start >= words[at].start && (HEAD_END_TAG.test(before.tag) || HEAD_END_CHAR.test(before.word))) continue;
      out.add(canonicalName(name, tables));
      from = end;
    }
  }
  // Drop a name that is only the tail of a longer one found in the same clause (机场 inside 瑞金机场 is not possible, but 赣江创新研究院 inside 中国科学院赣江创新研究院 is).
  // A candidate that merely has words in front of a known name is that name (尽早开工建设赣深客专 → 赣深高铁).
  const known = new Set(tables.canonical.values());
  const list = [...out].filter(b => ![...out].some(a => a !== b && known.has(a) && b.length > a.length && tables.canonical.get(normalize(b.slice(-a.length))) === a || a !== b && known.has(a) && [...(tables.aliases.get(a) ?? [])].some(al => b.length > al.length && b.endsWith(al))));
  return list;
}
