// What ingestion attaches to every clause beyond its text: units, topics, projects.
import type { UnitRef } from './types.js';
import type { Tables } from './tables.js';
import { extractUnits } from './units.js';
import { classifyTopics } from './topics.js';
import { extractProjects } from './projects.js';
import { normalize } from './text.js';

export function enrichClause(text: string, path: string[], tables: Tables, unitCells: { text: string; header: string }[] = []): { units: UnitRef[]; topics: string[]; projects: string[] } {
  const n = normalize(text); // once: OpenCC is the costliest step of enrichment
  return { units: extractUnits(text, tables, unitCells, n), topics: classifyTopics(text, path, tables, n), projects: extractProjects(text, tables, n) };
}
