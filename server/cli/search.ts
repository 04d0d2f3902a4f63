// npm run search -- "query" [--year 2016 --unit 省财政厅 --topic … --doc … --limit 10] [--json]
import { canonicalName } from '../../ingest/tables.js';
import { openIndex, parseArgs, plain } from './open.js';

const { words, opts, flags } = parseArgs(process.argv.slice(2));
const ctx = await openIndex();
const result = await ctx.engine.search({
  q: words.join(' '),
  filters: { year: opts.year, unit: opts.unit?.map(u => canonicalName(u, ctx.tables)), topic: opts.topic, doc: opts.doc },
  limit: Math.min(100, Number(opts.limit?.[0] ?? 10)), offset: 0,
});
if (flags.has('json')) console.log(JSON.stringify(result, null, 2));
else {
  const docs = new Map((await ctx.engine.listDocuments()).map(d => [d.id, d.title]));
  console.log(`${result.total} clauses`);
  for (const h of result.hits) {
    console.log(`\n《${docs.get(h.docId)}》${h.label}  ${h.path.join(' › ')}`);
    console.log(`  ${plain(h.highlight)}`);
    if (h.units.length) console.log(`  责任单位：${h.units.map(u => u.name).join('、')}`);
  }
}
await ctx.engine.close();
