// bench/ingest: 1,000 documents generated from the seeds (clauses shuffled, half converted to
// traditional script), written to a temp folder and ingested by the whole pipeline.
// Prints MB/s and clauses/s. Usage: npm run bench:ingest [-- --docs 1000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { ingestFolder } from '../ingest/pipeline.js';
import { loadTables } from '../ingest/tables.js';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : dflt; };
const DOCS = arg('--docs', 1000);
const corpus = path.resolve(import.meta.dirname, '../corpus');
const cn2t = OpenCC.Converter({ from: 'cn', to: 't' });

// Deterministic shuffle, so runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const seeds = fs.readdirSync(corpus).filter(f => f.endsWith('.txt')).map(f => fs.readFileSync(path.join(corpus, f), 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
let bytes = 0;
for (let i = 0; i < DOCS; i++) {
  const text = seeds[i % seeds.length];
  // Paragraph blocks keep their internal wraps (OCR lines, split list numbers); their order is shuffled.
  const blocks = text.split(/\n(?=\S)/);
  const head = blocks.slice(0, 3);
  const body = blocks.slice(3).sort(() => rand() - 0.5);
  let doc = [...head, ...body].join('\n');
  if (i % 2) doc = cn2t(doc);
  fs.writeFileSync(path.join(dir, `doc-${String(i).padStart(4, '0')}.txt`), doc);
  bytes += Buffer.byteLength(doc);
}

const tables = loadTables();
const t0 = process.hrtime.bigint();
const result = await ingestFolder(dir, { tables });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
fs.rmSync(dir, { recursive: true, force: true });
const mb = bytes / 1024 / 1024;
console.log(`documents: ${result.documents.length} (${result.reports.filter(r => !r.ok).length} errors), clauses: ${result.clauses.length}, input: ${mb.toFixed(1)} MB`);
console.log(`time: ${seconds.toFixed(2)} s — ${(mb / seconds).toFixed(2)} MB/s, ${Math.round(result.clauses.length / seconds)} clauses/s (target ≥ 2 MB/s)`);
