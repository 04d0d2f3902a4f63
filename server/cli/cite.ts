// npm run cite -- "quotation" [--json] [--edition 2025]
import { findSources, QuoteTooShort } from '../cite.js';
import { openIndex, parseArgs } from './open.js';

const { words, opts, flags } = parseArgs(process.argv.slice(2));
if (!words.length) { console.error('usage: npm run cite -- "quotation" [--json] [--edition 2025]'); process.exit(2); }
const ctx = await openIndex();
try {
  const matches = await findSources(ctx.engine, words.join(' '), { edition: opts.edition?.[0] === '2025' ? '2025' : '2015' });
  if (flags.has('json')) console.log(JSON.stringify({ matches }, null, 2));
  else if (!matches.length) console.log('没有找到出处');
  else for (const m of matches.slice(0, 3)) {
    console.log(`\n${m.exact ? '✓ 一致' : `≈ 有出入（${Math.round(m.score * 100)}%）`}  《${m.document.title}》${m.clause.label}`);
    console.log(`  原文：${m.matchedText}`);
    if (!m.exact) console.log(`  差异：${m.diff.map(d => (d.op === 'equal' ? d.text : d.op === 'insert' ? `[+${d.text}]` : `[-${d.text}]`)).join('')}`);
    console.log(`  公文：${m.citation.gongwen}\n  GB/T 7714：${m.citation.gbt7714}\n  文内：${m.citation.inline}`);
  }
} catch (e) {
  if (e instanceof QuoteTooShort) { console.error(e.message); process.exit(2); }
  throw e;
}
await ctx.engine.close();
