// Start-up: tables, jieba's user dictionary, the engine, and a re-ingest when the corpus is newer
// than the index (or differs from the one it was built from).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ingestFolder, listDocuments } from '../ingest/pipeline.js';
import { loadTables, userWords, type Tables } from '../ingest/tables.js';
import { addUserWords } from '../ingest/text.js';
import type { SearchEngine } from './engine.js';
import { openEngine } from './engines/index.js';
import type { AppContext } from './context.js';

/** Bump when ingestion rules in code change, so existing indexes are rebuilt. */
export const PIPELINE_VERSION = 1;
const INGEST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../ingest');

export interface Settings { corpusDir: string; dataDir: string; engine?: string; meiliUrl?: string; meiliKey?: string; log?: (msg: string) => void }

/** Names, sizes and modification times of the corpus documents and their sidecars. */
export function corpusFingerprint(dir: string, tablesDir: string): string {
  const h = crypto.createHash('sha256');
  h.update(`pipeline ${PIPELINE_VERSION}\n`);
  // The ingestion rules themselves: a changed rule rebuilds the index.
  for (const f of fs.readdirSync(INGEST_DIR).filter(f => f.endsWith('.ts')).sort()) h.update(fs.readFileSync(path.join(INGEST_DIR, f)));
  // Edited tables change units, topics and projects: they invalidate the index too.
  for (const f of fs.existsSync(tablesDir) ? fs.readdirSync(tablesDir).sort() : []) h.update(`${f}\0${fs.readFileSync(path.join(tablesDir, f))}\n`);
  for (const f of listDocuments(dir)) {
    for (const p of [f, f.replace(/\.[^.]+$/, '') + '.meta.json']) {
      if (!fs.existsSync(p)) continue;
      const st = fs.statSync(p);
      h.update(`${path.relative(dir, p)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return h.digest('hex');
}

export async function prepare(settings: Settings): Promise<AppContext & { ingested: boolean }> {
  const log = settings.log ?? (() => {});
  const tables: Tables = loadTables();
  addUserWords(userWords(tables));
  const engine: SearchEngine = openEngine({ engine: settings.engine, dataDir: settings.dataDir, tables, meiliUrl: settings.meiliUrl, meiliKey: settings.meiliKey });
  const fingerprint = fs.existsSync(settings.corpusDir) ? corpusFingerprint(settings.corpusDir, tables.dir) : '';
  const stored = await engine.meta('corpusFingerprint');
  let ingested = false;
  if (stored !== fingerprint || !(await engine.builtAt())) {
    log(`ingesting ${settings.corpusDir} …`);
    const result = await ingestFolder(settings.corpusDir, {
      tables,
      onProgress: (done, total, file) => log(`  [${done}/${total}] ${file}`),
    });
    for (const r of result.reports) if (!r.ok) log(`  ✗ ${r.file}: ${r.error}`);
    // Project names found in the corpus are words too (before tokenizing the index).
    addUserWords(new Set(result.clauses.flatMap(c => c.projects)));
    await engine.rebuild(result.documents, result.clauses, { corpusFingerprint: fingerprint, projectWords: JSON.stringify([...new Set(result.clauses.flatMap(c => c.projects))]) });
    log(`indexed ${result.documents.length} documents, ${result.clauses.length} clauses`);
    ingested = true;
  } else {
    const words = await engine.meta('projectWords');
    if (words) addUserWords(JSON.parse(words) as string[]);
  }
  return { engine, tables, ingested };
}
