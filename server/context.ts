import type { Tables } from '../ingest/tables.js';
import type { SearchEngine } from './engine.js';

/** What every route needs: the index and the editable tables. */
export interface AppContext {
  engine: SearchEngine;
  tables: Tables;
}
