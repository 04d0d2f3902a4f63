// Query analysis shared by both engines: the user's text → terms, each with its alternatives
// (thesaurus synonyms and aliases), all normalized. Query text is data: nothing here is ever
// passed to an engine as syntax.
import { normalize, words } from '../ingest/text.js';
import { synonymsOf, type Tables } from '../ingest/tables.js';

export interface QueryTerm {
  /** Normalized forms that satisfy this term: the term itself first. */
  alternatives: string[];
  /** Smaller words that together also satisfy it (五型政府 → 五型 + 政府, for “五型”政府). */
  parts: string[];
}

export interface AnalyzedQuery {
  terms: QueryTerm[];
  /** The whole query, normalized, without spaces or punctuation: for the phrase boost. */
  phrase: string;
}

const SPLIT = /[\s\p{P}\p{S}]+/u;
const MAX_TERMS = 12;

/** Replace any alias inside a term by its canonical forms too: 国家发改委 → 国家发展改革委. */
function substringSynonyms(term: string, tables: Tables): string[] {
  const out: string[] = [];
  for (const [key, group] of tables.synonyms) {
    if (key.length < 2 || key === term || !term.includes(key)) continue;
    for (const other of group) out.push(term.replace(key, other));
  }
  return out;
}

export function analyzeQuery(q: string, tables: Tables): AnalyzedQuery {
  const norm = normalize(q.slice(0, 1000));
  const chunks = norm.split(SPLIT).filter(Boolean);
  const terms: QueryTerm[] = [];
  for (const chunk of chunks) {
    // A chunk that the thesaurus knows as a whole stays whole; otherwise jieba splits it.
    const known = tables.synonyms.has(chunk) || tables.canonical.has(chunk);
    const pieces = known || chunk.length <= 2 ? [chunk] : words(chunk).length ? cutChunk(chunk) : [chunk];
    for (const p of pieces) {
      if (!p) continue;
      const alternatives = [...new Set([p, ...synonymsOf(p, tables), ...substringSynonyms(p, tables)].map(normalize))];
      const sub = p.length >= 4 ? words(p).filter(w => w !== p && w.length >= 2) : [];
      const parts = sub.filter(w => !sub.some(o => o !== w && o.includes(w)));
      terms.push({ alternatives, parts: parts.length >= 2 ? parts : [] });
    }
  }
  // 的, 和, 及… match nearly every clause: beside other words they only cost time and blur ranking.
  const content = terms.filter(t => !tables.queryStopwords.has(t.alternatives[0]));
  return { terms: (content.length ? content : terms).slice(0, MAX_TERMS), phrase: chunks.join('') };
}

import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
/** jieba's precise mode for queries: the longest known words, so 挂职干部座谈会 stays in few terms. */
function cutChunk(chunk: string): string[] {
  const jieba = require('nodejieba') as { cut(s: string, hmm?: boolean): string[] };
  return jieba.cut(chunk, true).map(s => s.trim()).filter(s => /[\p{L}\p{N}]/u.test(s));
}

/** Mark every occurrence of any alternative in the original text, via the same-length normalized copy. */
export function highlight(original: string, query: AnalyzedQuery): string {
  const n = normalize(original);
  const marks = new Array<boolean>(n.length).fill(false);
  // A term's parts (五型 + 政府) are marked only where the whole term does not occur.
  const needles = [query.phrase, ...query.terms.flatMap(t => (t.alternatives.some(a => n.includes(a)) ? t.alternatives : [...t.alternatives, ...t.parts]))].filter(a => a.length >= 1);
  const multi = needles.some(a => a.length >= 2);
  for (const a of needles) {
    if (multi && a.length < 2) continue;
    for (let at = n.indexOf(a); at >= 0; at = n.indexOf(a, at + a.length)) for (let i = at; i < at + a.length; i++) marks[i] = true;
  }
  let out = '';
  for (let i = 0; i < original.length; i++) {
    if (marks[i] && !marks[i - 1]) out += '<mark>';
    out += escapeHtml(original[i]);
    if (marks[i] && !marks[i + 1]) out += '</mark>';
  }
  return out;
}

function escapeHtml(ch: string): string {
  return ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch;
}
