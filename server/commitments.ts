// "Which documents commit to 瑞金机场, and who is responsible?" — every document that mentions a
// project through any alias, oldest first, each clause annotated with what it says of the project.
import type { Clause, Commitment, PolicyDocument } from '../ingest/types.js';
import { aliasesOf, canonicalName, type Tables } from '../ingest/tables.js';
import { normalize } from '../ingest/text.js';
import type { SearchEngine } from './engine.js';

export type CommitmentClause = Clause & { commitment: Commitment };

export interface CommitmentsAnswer {
  project: { name: string; aliases: string[] };
  documents: { document: PolicyDocument; clauses: CommitmentClause[] }[];
}

const FUTURE = /(争取|力争|加快|推进|推动|将|要|确保|尽早|尽快|计划|启动|支持|谋划|做好|积极|继续|打造|实施|到\d{4}年)/;
const DONE = /(已|已经|实现|建成|通车|投产|开通|完成|获批|落地|相继|基本形成|迈出)/;
const TARGET = /(?:到|至|力争|争取|确保|于|在)\s*(20\d{2})\s*年|(20\d{2})\s*年(?:前|底|末|以前|左右)/g;

function sentenceWith(text: string, name: string): { sentence: string; at: number } | null {
  const at = text.indexOf(name);
  if (at < 0) return null;
  const start = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at), text.lastIndexOf(';', at)) + 1;
  const ends = ['。', '；', ';'].map(p => text.indexOf(p, at)).filter(i => i >= 0);
  const end = ends.length ? Math.min(...ends) : text.length;
  return { sentence: text.slice(start, end), at: at - start };
}

/** What one clause says of the project: action, progress or commitment, target year. */
export function describeCommitment(clause: Clause, names: string[], tables: Tables, document?: PolicyDocument | null): Commitment {
  const n = normalize(clause.text);
  let found: { sentence: string; at: number } | null = null;
  let nameLen = 0;
  for (const name of names) { found = sentenceWith(n, normalize(name)); if (found) { nameLen = normalize(name).length; break; } }
  const sentence = found?.sentence ?? n;
  const at = found?.at ?? 0;
  // The nearest action phrase to the mention, preferring those after it (瑞金机场开工建设) and in
  // the same comma segment.
  let best: { action: string; kind: string; distance: number } | null = null;
  for (const rule of tables.actions) {
    for (const p of rule.phrases) {
      for (let i = sentence.indexOf(p); i >= 0; i = sentence.indexOf(p, i + 1)) {
        const distance = i >= at + nameLen ? i - (at + nameLen) : (at - (i + p.length)) * 1.5 + 2;
        const crossing = /[，,]/.test(sentence.slice(Math.min(i, at), Math.max(i, at))) ? 20 : 0;
        const d = Math.max(0, distance) + crossing - p.length * 0.1;
        if (!best || d < best.distance) best = { action: rule.action, kind: rule.kind, distance: d };
      }
    }
  }
  const before = sentence.slice(0, at);
  const reporting = /五年来|过去|发展成就|工作总结|以来/.test(clause.path.join('') + sentence.slice(0, 12)) || (document?.title ?? '').includes('总结') && !/打算|计划/.test(clause.path.join(''));
  let kind: Commitment['kind'];
  if (best?.kind === 'commitment' || FUTURE.test(before.slice(-12))) kind = 'commitment';
  else if (reporting || DONE.test(sentence)) kind = 'progress';
  else kind = 'commitment';
  let targetYear: number | null = null;
  for (const m of sentence.matchAll(TARGET)) targetYear = Number(m[1] ?? m[2]);
  if (targetYear === null && kind === 'commitment') {
    if (/十四五/.test(sentence)) targetYear = 2025;
    else if (/十五五/.test(sentence)) targetYear = 2030;
  }
  return { action: best?.action ?? null, kind, targetYear };
}

export async function commitmentsFor(engine: SearchEngine, tables: Tables, project: string): Promise<CommitmentsAnswer> {
  const name = canonicalName(project, tables);
  const aliases = aliasesOf(name, tables);
  const names = [name, ...aliases];
  const clauses = await engine.clausesMentioning(names);
  const byDoc = new Map<string, Clause[]>();
  for (const c of clauses) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
  const documents: CommitmentsAnswer['documents'] = [];
  for (const [docId, list] of byDoc) {
    const document = await engine.getDocument(docId);
    if (!document) continue;
    documents.push({ document, clauses: list.sort((a, b) => a.ordinal - b.ordinal).map(c => ({ ...c, commitment: describeCommitment(c, names, tables, document) })) });
  }
  const when = (d: PolicyDocument) => d.date ?? (d.year ? String(d.year) : '9999');
  documents.sort((a, b) => when(a.document).localeCompare(when(b.document)) || a.document.id.localeCompare(b.document.id));
  return { project: { name, aliases }, documents };
}
