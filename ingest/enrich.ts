// What ingestion attaches to every clause beyond its text: units, topics, projects.
import type { UnitRef } from './types.js';
import type { Tables } from './tables.js';
import { extractUnits } from './units.js';
import { classifyTopics } from './topics.js';
import { extractProjects } from './projects.js';

export function enrichClause(text: string, path: string[], tables: Tables, unitCells: { text: string; header: string }[] = []): { units: UnitRef[]; topics: string[]; projects: string[] } {
  return { units: extractUnits(text, tables, unitCells), topics: classifyTopics(text, path, tables), projects: extractProjects(text, tables) };
}
