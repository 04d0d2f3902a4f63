// Engine choice by settings: SEARCH_ENGINE=sqlite (default) or meilisearch (MEILI_URL, MEILI_API_KEY).
import type { Tables } from '../../ingest/tables.js';
import type { SearchEngine } from '../engine.js';
import { SqliteEngine } from './sqlite.js';
import { MeilisearchEngine } from './meilisearch.js';

export function openEngine(opts: { engine?: string; dataDir: string; tables: Tables; meiliUrl?: string; meiliKey?: string; indexName?: string }): SearchEngine {
  const kind = (opts.engine ?? 'sqlite').toLowerCase();
  if (kind === 'sqlite') return new SqliteEngine(opts.dataDir, opts.tables);
  if (kind === 'meilisearch') {
    if (!opts.meiliUrl) throw new Error('SEARCH_ENGINE=meilisearch needs MEILI_URL');
    return new MeilisearchEngine({ host: opts.meiliUrl, apiKey: opts.meiliKey, index: opts.indexName ?? 'clauses', dataDir: opts.dataDir }, opts.tables);
  }
  throw new Error(`unknown SEARCH_ENGINE ${opts.engine}: use sqlite or meilisearch`);
}
