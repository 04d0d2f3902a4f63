// npm run commitments -- 瑞金机场 [--json]
import { commitmentsFor } from '../commitments.js';
import { openIndex, parseArgs } from './open.js';

const { words, flags } = parseArgs(process.argv.slice(2));
if (!words.length) { console.error('usage: npm run commitments -- <project name> [--json]'); process.exit(2); }
const ctx = await openIndex();
const r = await commitmentsFor(ctx.engine, ctx.tables, words.join(''));
if (flags.has('json')) console.log(JSON.stringify(r, null, 2));
else {
  console.log(`${r.project.name}${r.project.aliases.length ? `（又称 ${r.project.aliases.join('、')}）` : ''}: ${r.documents.length} documents`);
  for (const d of r.documents) {
    console.log(`\n${d.document.date ?? d.document.year ?? '—'}  《${d.document.title}》`);
    for (const c of d.clauses) {
      const k = c.commitment;
      console.log(`  ${c.label} ${k.kind === 'progress' ? '进展' : '部署'} ${k.action ?? ''}${k.targetYear ? ` 目标${k.targetYear}年` : ''}${c.units.length ? ` — ${c.units.map(u => u.name).join('、')}` : ''}`);
    }
  }
}
await ctx.engine.close();
