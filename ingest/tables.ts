// The editable rule tables of corpus/tables/, loaded once into lookup structures.
// Everything a user may want to extend (aliases, synonyms, topics, project patterns, page chrome)
// is data there, not code here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize, toSimplified } from './text.js';

export const DEFAULT_TABLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../corpus/tables');

export interface TopicRule { topic: string; keywords: { word: string; weight: number }[] }
export interface ChromeRule { pattern: RegExp; action: 'drop' | 'breadcrumb' | 'stop' }
export type FieldName = 'title' | 'docNumber' | 'issuer' | 'source' | 'date' | 'published';
/** A labelled page field: the label as a pattern (spaces allowed between its characters), and what it fills. */
export interface FieldRule { label: RegExp; field: FieldName | null }
export interface ActionRule { action: string; phrases: string[]; kind: 'progress' | 'commitment' | 'either' }

export interface Tables {
  dir: string;
  /** normalized alias or canonical → canonical (simplified). */
  canonical: Map<string, string>;
  /** canonical → its aliases (simplified). */
  aliases: Map<string, string[]>;
  /** normalized term → the synonym group(s) it belongs to (normalized). */
  synonyms: Map<string, Set<string>>;
  topics: TopicRule[];
  projectSuffixes: { suffix: string; strict: boolean }[];
  projectStopwords: string[];
  chrome: ChromeRule[];
  fields: FieldRule[];
  actions: ActionRule[];
  extraWords: string[];
  /** Query words too common to search on their own (的, 和, 及…): dropped beside other words. */
  queryStopwords: Set<string>;
}

function rows(file: string): string[][] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split(/\r?\n/)
    .filter(l => l.trim() && !l.startsWith('#'))
    .map(l => l.split('\t').map(c => c.trim()).filter(Boolean));
}

const cache = new Map<string, Tables>();

export function loadTables(dir: string = DEFAULT_TABLES_DIR): Tables {
  const hit = cache.get(dir);
  if (hit) return hit;
  const canonical = new Map<string, string>();
  const aliases = new Map<string, string[]>();
  const synonyms = new Map<string, Set<string>>();
  const addGroup = (group: string[]) => {
    const norm = [...new Set(group.map(w => normalize(w)))];
    for (const w of norm) {
      const set = synonyms.get(w) ?? new Set<string>();
      for (const o of norm) if (o !== w) set.add(o);
      synonyms.set(w, set);
    }
  };
  for (const [head, ...rest] of rows(path.join(dir, 'aliases.tsv'))) {
    const c = toSimplified(head);
    canonical.set(normalize(c), c);
    const list = rest.map(toSimplified);
    for (const a of list) canonical.set(normalize(a), c);
    aliases.set(c, [...new Set([...(aliases.get(c) ?? []), ...list])]);
    addGroup([c, ...list]);
  }
  for (const group of rows(path.join(dir, 'thesaurus.tsv'))) addGroup(group);

  const topics: TopicRule[] = rows(path.join(dir, 'topics.tsv')).map(([topic, kw = '']) => ({
    topic,
    keywords: kw.split(/[,，]/).map(s => s.trim()).filter(Boolean).map(s => {
      const [word, w] = s.split(':');
      return { word: normalize(word), weight: w ? Number(w) : 1 };
    }),
  }));
  const projectSuffixes = rows(path.join(dir, 'project-patterns.tsv')).map(([suffix, s]) => ({ suffix: normalize(suffix), strict: s === 'strict' }));
  const projectStopwords = rows(path.join(dir, 'project-stopwords.tsv')).map(([w]) => normalize(w)).sort((a, b) => b.length - a.length);
  const chrome: ChromeRule[] = rows(path.join(dir, 'chrome.tsv')).map(([p, a]) => ({ pattern: new RegExp(p), action: (a ?? 'drop') as ChromeRule['action'] }));
  // 标　　题 is printed letter-spaced: any spaces may sit between the label's characters.
  const spaced = (label: string) => label.split('|').map(l => [...l].join('[\\s\\u3000]*')).join('|');
  const fields: FieldRule[] = rows(path.join(dir, 'fields.tsv')).map(([l, f]) => ({ label: new RegExp(`^(?:${spaced(l)})$`), field: f && f !== '-' ? f as FieldName : null }));
  const actions: ActionRule[] = rows(path.join(dir, 'actions.tsv')).map(([action, phrases = '', kind = 'either']) => ({
    action, phrases: phrases.split(/[,，]/).map(s => normalize(s.trim())).filter(Boolean), kind: kind as ActionRule['kind'],
  }));
  const extraWords = rows(path.join(dir, 'userdict.txt')).map(([w]) => w);
  const queryStopwords = new Set(rows(path.join(dir, 'query-stopwords.txt')).flat().map(w => normalize(w)));
  const t: Tables = { dir, canonical, aliases, synonyms, topics, projectSuffixes, projectStopwords, chrome, fields, actions, extraWords, queryStopwords };
  cache.set(dir, t);
  return t;
}

/** Simplified, trimmed, alias-resolved name: 省發改委 → 省发展改革委. */
export function canonicalName(name: string, tables: Tables): string {
  const clean = name.replace(/\s+/g, '');
  return tables.canonical.get(normalize(clean)) ?? toSimplified(clean);
}

export function aliasesOf(canonical: string, tables: Tables): string[] {
  return tables.aliases.get(canonical) ?? [];
}

/** Synonyms and aliases of a term (normalized), excluding the term itself. */
export function synonymsOf(term: string, tables: Tables): string[] {
  return [...(tables.synonyms.get(normalize(term)) ?? [])];
}

/** Words jieba must know: every alias-table name plus the user dictionary. */
export function userWords(tables: Tables): string[] {
  const out = new Set<string>(tables.extraWords);
  for (const [c, list] of tables.aliases) { out.add(c); for (const a of list) out.add(a); }
  return [...out];
}
