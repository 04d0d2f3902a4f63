// npm run ingest -- <folder> [--json out.jsonl]: per-file results, a progress bar on big folders.
import fs from 'node:fs';
import path from 'node:path';
import { ingestFolder } from './pipeline.js';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : null;
const folder = args.find((a, i) => !a.startsWith('--') && !(jsonAt >= 0 && i === jsonAt + 1));
if (!folder || !fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
  console.error('usage: npm run ingest -- <folder> [--json out.jsonl]');
  process.exit(2);
}

const bar = (done: number, total: number, file: string) => {
  if (total <= 5 || !process.stderr.isTTY) return;
  const width = 30, filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file.slice(0, 40).padEnd(40)}`);
  if (done === total) process.stderr.write('\n');
};

const result = await ingestFolder(path.resolve(folder), { onProgress: bar });
for (const r of result.reports) {
  if (!r.ok) { console.log(`✗ ${r.file}: ${r.error}`); continue; }
  const units = new Set(r.clauses!.flatMap(c => c.units.map(u => u.name)));
  const d = r.document!;
  console.log(`✓ ${r.file}: ${r.clauses!.length} clauses, ${units.size} units — ${d.title}${d.docNumber ? `（${d.docNumber}）` : ''} ${d.date ?? ''} [${d.script}]`);
  for (const w of r.warnings) console.log(`  ! ${w}`);
}
const failed = result.reports.filter(r => !r.ok).length;
console.log(`${result.documents.length} documents, ${result.clauses.length} clauses, ${failed} errors`);
if (jsonOut) {
  const lines = [...result.documents.map(d => JSON.stringify({ type: 'document', ...d })), ...result.clauses.map(c => JSON.stringify({ type: 'clause', ...c }))];
  fs.writeFileSync(jsonOut, lines.join('\n') + '\n');
  console.log(`written ${jsonOut}`);
}
