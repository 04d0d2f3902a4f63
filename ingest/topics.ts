// Topics from the State Council policy library's 主题分类, by weighted keywords (topics.tsv).
import type { Tables } from './tables.js';
import { normalize } from './text.js';

const THRESHOLD = 2;

// Every clause of a section repeats its path: normalize each path once.
const pathCache = new Map<string, string>();
function normalizedPath(path: string[]): string {
  const key = path.join(' ');
  let n = pathCache.get(key);
  if (n === undefined) {
    if (pathCache.size > 10_000) pathCache.clear();
    pathCache.set(key, (n = normalize(key)));
  }
  return n;
}

/** `normalized` is normalize(text), when the caller has it already (enrich.ts). */
export function classifyTopics(text: string, path: string[], tables: Tables, normalized = normalize(text)): string[] {
  const n = normalizedPath(path) + ' ' + normalized;
  const out: string[] = [];
  for (const rule of tables.topics) {
    let score = 0;
    for (const { word, weight } of rule.keywords) if (n.includes(word)) score += weight;
    if (score >= THRESHOLD) out.push(rule.topic);
  }
  return out;
}
