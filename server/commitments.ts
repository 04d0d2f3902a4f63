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
export function describeCommitment(clause: Clause, names: string[], tables: Tables, document?: PolicyDocument | null, horizon?: number | null): Commitment {
  const n = normalize(clause.text);
  let found: { sentence: string; at: number } | null = null;
  let nameLen = 0;
  for (const name of names) { found = sentenceWith(n, normalize(name)); if (found) { nameLen = normalize(name).length; break; } }
  const sentence = found?.sentence ?? n;
  const at = found?.at ?? 0;
  // The action: a specific phrase in the same comma segment after the mention (瑞金机场开工建设,
  // 瑞金机场…建设前期工作), else before it (建成瑞金机场), else a generic one (加快, 推进).
  const segStart = Math.max(...['，', ',', '：', ':'].map(p => sentence.lastIndexOf(p, at))) + 1;
  const segEnds = ['，', ',', '：', ':'].map(p => sentence.indexOf(p, at + nameLen)).filter(i => i >= 0);
  const segment = sentence.slice(segStart, segEnds.length ? Math.min(...segEnds) : sentence.length);
  const rel = at - segStart;
  let best: { action: string; kind: string; score: number } | null = null;
  for (const rule of tables.actions) {
    for (const p of rule.phrases) {
      const generic = p.length <= 2 && rule.action === '加快建设';
      for (let i = segment.indexOf(p); i >= 0; i = segment.indexOf(p, i + 1)) {
        if (i >= rel && i < rel + nameLen) continue; // inside the name itself
        const after = i >= rel + nameLen;
        const score = (generic ? 1000 : 0) + (after ? i - (rel + nameLen) : 100 + (rel - i)) - p.length * 0.1;
        if (!best || score < best.score) best = { action: rule.action, kind: rule.kind, score };
      }
    }
  }
  const before = sentence.slice(0, at);
  const reporting = /五年来|过去|发展成就|发展基础|工作总结|以来|取得/.test(clause.path.join('') + sentence.slice(0, 12)) || ((document?.title ?? '').includes('总结') && !/打算|计划/.test(clause.path.join('')));
  let kind: Commitment['kind'];
  if (reporting || /(已|已经|均已|相继)/.test(before.slice(-8) + segment)) kind = 'progress';
  else if (best?.kind === 'progress') kind = 'progress';
  // 建成通车 with no 加快/争取/到2025年 in front reports a fact; with one, it is a promise.
  // A plan, opinion or work programme speaks of the future unless the clause reports results.
  else if (/(规划|意见|方案|要点|计划|措施|纲要|打算)/.test(normalize(document?.title ?? ''))) kind = 'commitment';
  else if (best?.kind === 'either' && !/(加快|推进|推动|争取|力争|确保|将|要|到\d{4}年|启动|支持|实施|计划|谋划|尽早|尽快)/.test(segment)) kind = 'progress';
  else kind = 'commitment';
  let targetYear: number | null = null;
  for (const m of sentence.matchAll(TARGET)) targetYear = Number(m[1] ?? m[2]);
  if (targetYear === null && kind === 'commitment' && horizon) targetYear = horizon;
  if (targetYear === null && kind === 'commitment') {
    if (/十四五/.test(sentence)) targetYear = 2025;
    else if (/十五五/.test(sentence)) targetYear = 2030;
  }
  return { action: best?.action ?? null, kind, targetYear };
}

/** A plan's horizon (规划期至2025年): the target of its commitments that state no year of their own. */
export function planHorizon(clauses: Clause[]): number | null {
  for (const c of clauses.slice(0, 12)) {
    const m = /规划期(?:至|到|为\d{4}\s*[-—－至到]\s*)(20\d{2})\s*年/.exec(normalize(c.text));
    if (m) return Number(m[1]);
  }
  return null;
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
    const horizon = planHorizon(await engine.documentClauses(docId));
    documents.push({ document, clauses: list.sort((a, b) => a.ordinal - b.ordinal).map(c => ({ ...c, commitment: describeCommitment(c, names, tables, document, horizon) })) });
  }
  const when = (d: PolicyDocument) => d.date ?? (d.year ? String(d.year) : '9999');
  documents.sort((a, b) => when(a.document).localeCompare(when(b.document)) || a.document.id.localeCompare(b.document.id));
  return { project: { name, aliases }, documents };
}
