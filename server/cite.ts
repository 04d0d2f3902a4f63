// "Paste a sentence, get its source": candidates from the index by character bigrams, then an
// approximate-substring alignment on the folded texts (script, punctuation and spaces ignored).
import type { Clause, PolicyDocument } from '../ingest/types.js';
import { bigrams, fold, type Folded } from '../ingest/text.js';
import type { SearchEngine } from './engine.js';
import { citationFor, type Citation } from './citation.js';

export const MIN_QUOTE = 8;
const MIN_SCORE = 0.5;

export interface DiffPart { op: 'equal' | 'insert' | 'delete'; text: string }

export interface CiteMatch {
  clause: Clause;
  document: PolicyDocument;
  score: number;
  exact: boolean;
  matchedText: string;
  /** Quotation → source: `delete` is in the quotation only, `insert` in the source only. */
  diff: DiffPart[];
  citation: Citation;
}

export class QuoteTooShort extends Error {}

interface Alignment { start: number; end: number; distance: number; ops: { op: 'equal' | 'insert' | 'delete' | 'sub'; q?: number; s?: number }[] }

/** Semi-global edit distance: the quotation against any substring of the source window. */
function align(q: string, s: string): Alignment {
  const m = q.length, n = s.length;
  const D: Uint16Array[] = Array.from({ length: m + 1 }, () => new Uint16Array(n + 1));
  for (let i = 1; i <= m; i++) D[i][0] = i;
  for (let i = 1; i <= m; i++) {
    const qi = q.charCodeAt(i - 1), row = D[i], prev = D[i - 1];
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (qi === s.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min(sub, prev[j] + 1, row[j - 1] + 1);
    }
  }
  let end = 0;
  for (let j = 1; j <= n; j++) if (D[m][j] < D[m][end]) end = j;
  const ops: Alignment['ops'] = [];
  let i = m, j = end;
  while (i > 0) {
    if (j > 0 && D[i][j] === D[i - 1][j - 1] + (q[i - 1] === s[j - 1] ? 0 : 1)) { ops.push({ op: q[i - 1] === s[j - 1] ? 'equal' : 'sub', q: i - 1, s: j - 1 }); i--; j--; }
    else if (D[i][j] === D[i - 1][j] + 1) { ops.push({ op: 'delete', q: i - 1 }); i--; }
    else { ops.push({ op: 'insert', s: j - 1 }); j--; }
  }
  ops.reverse();
  return { start: j, end, distance: D[m][end], ops };
}

/** Where in the source the quotation most likely sits: the offset most bigrams agree on. */
function window(q: string, s: string): [number, number] {
  if (s.length <= q.length * 2 + 20) return [0, s.length];
  const votes = new Map<number, number>();
  const qGrams = new Map<string, number[]>();
  for (let i = 0; i + 1 < q.length; i++) { const g = q.slice(i, i + 2); qGrams.set(g, [...(qGrams.get(g) ?? []), i]); }
  for (let j = 0; j + 1 < s.length; j++) {
    const at = qGrams.get(s.slice(j, j + 2));
    if (at) for (const i of at) { const d = Math.round((j - i) / 4); votes.set(d, (votes.get(d) ?? 0) + 1); }
  }
  let best = 0, bestVotes = -1;
  for (const [d, v] of votes) if (v > bestVotes) { best = d * 4; bestVotes = v; }
  const pad = Math.ceil(q.length / 3) + 8;
  return [Math.max(0, best - pad), Math.min(s.length, best + q.length + pad)];
}

function diffParts(al: Alignment, q: Folded, qOriginal: string, s: Folded, sOriginal: string, offset: number): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text; else parts.push({ op, text });
  };
  const srcChar = (j: number) => sOriginal[s.map[j + offset]];
  const quoteChar = (i: number) => qOriginal[q.map[i]];
  for (const o of al.ops) {
    if (o.op === 'equal') push('equal', srcChar(o.s!));
    else if (o.op === 'insert') push('insert', srcChar(o.s!));
    else if (o.op === 'delete') push('delete', quoteChar(o.q!));
    else { push('delete', quoteChar(o.q!)); push('insert', srcChar(o.s!)); }
  }
  // Group alternating single-character delete/insert runs (a changed number) for readability.
  const merged: DiffPart[] = [];
  for (const p of parts) {
    const a = merged[merged.length - 1], b = merged[merged.length - 2];
    if (p.op !== 'equal' && a && b && a.op !== 'equal' && b.op === p.op && a.op !== p.op) { b.text += p.text; continue; }
    merged.push(p);
  }
  return merged;
}

export async function findSources(engine: SearchEngine, quote: string, opts: { limit?: number; edition?: '2015' | '2025' } = {}): Promise<CiteMatch[]> {
  const q = fold(quote);
  if (q.text.length < MIN_QUOTE) throw new QuoteTooShort(`a quotation needs at least ${MIN_QUOTE} characters (letters, digits or Han characters); got ${q.text.length}`);
  const text = q.text.slice(0, 2000);
  if (!bigrams(text).length) return [];
  const candidates = await engine.quoteCandidates(text, 30);
  const matches: CiteMatch[] = [];
  const docs = new Map<string, PolicyDocument | null>();
  for (const clause of candidates) {
    const s = fold(clause.text);
    let al: Alignment;
    let offset = 0;
    const exactAt = s.text.indexOf(text);
    if (exactAt >= 0) al = { start: exactAt, end: exactAt + text.length, distance: 0, ops: [...text].map((_, i) => ({ op: 'equal' as const, q: i, s: exactAt + i })) };
    else {
      const [a, b] = window(text, s.text);
      offset = a;
      al = align(text, s.text.slice(a, b));
    }
    const score = Math.max(0, 1 - al.distance / text.length);
    if (score < MIN_SCORE) continue;
    if (!docs.has(clause.docId)) docs.set(clause.docId, await engine.getDocument(clause.docId));
    const document = docs.get(clause.docId);
    if (!document) continue;
    const from = s.map[al.start + (exactAt >= 0 ? 0 : offset)];
    const to = s.map[al.end - 1 + (exactAt >= 0 ? 0 : offset)] + 1;
    matches.push({
      clause, document,
      score: Math.round(score * 1000) / 1000,
      exact: al.distance === 0,
      matchedText: clause.text.slice(from, to),
      diff: al.distance === 0 ? [{ op: 'equal', text: clause.text.slice(from, to) }] : diffParts(al, q, quote, s, clause.text, offset),
      citation: citationFor(document, clause, { edition: opts.edition }),
    });
  }
  matches.sort((a, b) => b.score - a.score || a.clause.text.length - b.clause.text.length);
  return matches.slice(0, opts.limit ?? 5);
}
