// bench/search: a corpus of N clauses (default 1,000,000) generated from the seed clauses by
// recombining their sentences, indexed with the SQLite engine; then latency of 1,000 mixed
// 1–4 word queries (with and without filters), restart time, and 1,000 citation lookups.
// Usage: npm run bench:search [-- --clauses 1000000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestFolder } from '../ingest/pipeline.js';
import { loadTables, userWords } from '../ingest/tables.js';
import { addUserWords, words, normalize } from '../ingest/text.js';
import type { Clause } from '../ingest/types.js';
import { SqliteEngine } from '../server/engines/sqlite.js';
import { findSources } from '../server/cite.js';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : dflt; };
const N = arg('--clauses', 1_000_000);
const QUERIES = arg('--queries', 1000);
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const tables = loadTables();
addUserWords(userWords(tables));
const base = await ingestFolder(path.resolve(import.meta.dirname, '../corpus'), { tables });
const sentences = base.clauses.flatMap(c => c.text.split(/(?<=[。；])/)).filter(s => s.length >= 8);
console.log(`seed: ${base.clauses.length} clauses, ${sentences.length} sentences → generating ${N.toLocaleString()} clauses`);

const clauses: Clause[] = [];
for (let i = 0; i < N; i++) {
  const model = base.clauses[i % base.clauses.length];
  const text = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(sentences)).join('');
  clauses.push({ ...model, id: `g${i}`, docId: model.docId, ordinal: i, text, year: 2010 + (i % 15) });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
// The 1M index is ~2 GB: remove it however the run ends (Ctrl-C, kill, error), not only on success.
const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => { cleanup(); process.exit(130); });
let t0 = process.hrtime.bigint();
const engine = new SqliteEngine(dir, tables);
await engine.rebuild(base.documents, clauses);
const buildMs = ms(t0);
const size = fs.statSync(path.join(dir, 'index.sqlite')).size;
console.log(`build: ${(buildMs / 1000).toFixed(1)} s, index ${(size / 1024 / 1024).toFixed(0)} MB`);

// Queries: 1–4 words drawn from the corpus vocabulary; a third with filters.
const vocab = [...new Set(sentences.flatMap(s => words(normalize(s))).filter(w => w.length >= 2))];
const units = [...new Set(base.clauses.flatMap(c => c.units.map(u => u.name)))];
const queries = Array.from({ length: QUERIES }, (_, i) => ({
  q: Array.from({ length: 1 + (i % 4) }, () => pick(vocab)).join(' '),
  filters: i % 3 === 0 ? { year: [String(2010 + (i % 15))] } : i % 3 === 1 && units.length ? { unit: [pick(units)] } : {},
}));
const run = async (list: typeof queries) => {
  const times: number[] = [];
  for (const q of list) { const t = process.hrtime.bigint(); await engine.search({ q: q.q, filters: q.filters, limit: 10, offset: 0 }); times.push(ms(t)); }
  return times;
};
await run(queries.slice(0, 50)); // warm the page cache
const all = await run(queries);
const plain = all.filter((_, i) => i % 3 === 2), filtered = all.filter((_, i) => i % 3 !== 2);
console.log(`search (${QUERIES} queries): p50 ${pct(all, 50).toFixed(2)} ms, p99 ${pct(all, 99).toFixed(2)} ms; without filters p50 ${pct(plain, 50).toFixed(2)} / p99 ${pct(plain, 99).toFixed(2)} ms; with filters p50 ${pct(filtered, 50).toFixed(2)} / p99 ${pct(filtered, 99).toFixed(2)} ms (targets p50 ≤ 5, p99 ≤ 50)`);

await engine.close();
t0 = process.hrtime.bigint();
const reopened = new SqliteEngine(dir, tables);
await reopened.search({ q: '瑞金机场', filters: {}, limit: 10, offset: 0 });
console.log(`restart with the existing index (open + first query): ${ms(t0).toFixed(0)} ms (target ≤ 2000)`);

// Quotations: pieces of generated clauses, half altered by one character.
const quotes = Array.from({ length: QUERIES }, (_, i) => {
  const c = clauses[Math.floor(rand() * clauses.length)].text;
  const start = Math.floor(rand() * Math.max(1, c.length - 30));
  let q = c.slice(start, start + 12 + Math.floor(rand() * 30));
  if (i % 2) { const k = Math.floor(q.length / 2); q = q.slice(0, k) + '某' + q.slice(k + 1); }
  return q;
});
const citeTimes: number[] = [];
for (const q of quotes) { const t = process.hrtime.bigint(); try { await findSources(reopened, q); } catch { /* too short after folding */ } citeTimes.push(ms(t)); }
console.log(`cite (${QUERIES} quotations): p50 ${pct(citeTimes, 50).toFixed(2)} ms, p99 ${pct(citeTimes, 99).toFixed(2)} ms (target p50 ≤ 20)`);
await reopened.close();
fs.rmSync(dir, { recursive: true, force: true });
