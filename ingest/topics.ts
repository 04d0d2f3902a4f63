// Topics from the State Council policy library's 主题分类, by weighted keywords (topics.tsv).
import type { Tables } from './tables.js';
import { normalize } from './text.js';

const THRESHOLD = 2;

export function classifyTopics(text: string, path: string[], tables: Tables): string[] {
  const n = normalize(path.join(' ') + ' ' + text);
  const out: string[] = [];
  for (const rule of tables.topics) {
    let score = 0;
    for (const { word, weight } of rule.keywords) if (n.includes(word)) score += weight;
    if (score >= THRESHOLD) out.push(rule.topic);
  }
  return out;
}
