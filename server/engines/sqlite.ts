// Embedded engine: one SQLite file with an FTS5 index of jieba words and character bigrams.
// better-sqlite3 style: synchronous, prepared statements. Rebuilds write a new file aside and
// rename it over the old one, so a crash mid-build leaves the previous index serving.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Clause, PolicyDocument } from '../../ingest/types.js';
import { bigrams, normalize, words } from '../../ingest/text.js';
import type { Tables } from '../../ingest/tables.js';
import type { EngineStats, FacetName, ProjectCount, SearchEngine, SearchParams, SearchResult } from '../engine.js';
import { analyzeQuery, highlight, type AnalyzedQuery } from '../query.js';

const FACETS: FacetName[] = ['year', 'unit', 'topic', 'doc'];

// The full-text matches, materialized once per statement: filters then apply to this set instead
// of making FTS5 re-run the query for every candidate rowid.
const HITS = 'WITH hits AS MATERIALIZED (SELECT rowid, bm25(fts, 3.0, 1.0, 0.0, 0.0) AS rank FROM fts WHERE fts MATCH ?)';

/** An FTS5 string literal: user text can never become syntax. */
const lit = (s: string) => `"${s.replace(/"/g, '""')}"`;

function termQuery(alt: string): string {
  const grams = bigrams(alt);
  const parts = [`words:${lit(alt)}`];
  // A two-character word that jieba keeps whole is found by the word field alone; bigram phrases
  // (costly on common characters) are for longer names, numbers and words jieba splits.
  const needGrams = alt.length > 2 || /[\p{N}\p{Script=Latin}]/u.test(alt) || words(alt).length !== 1;
  if (grams.length && needGrams) parts.push(`grams:${lit(grams.join(' '))}`);
  else if (alt.length === 1) parts.push(`grams:${lit(alt)}*`);
  return parts.join(' OR ');
}

export function ftsExpression(q: AnalyzedQuery, mode: 'and' | 'or'): string {
  return q.terms.map(t => {
    const alts = t.alternatives.map(termQuery);
    if (t.parts.length) alts.push(`(${t.parts.map(p => `(${termQuery(p)})`).join(' AND ')})`);
    return `(${alts.join(' OR ')})`;
  }).join(mode === 'and' ? ' AND ' : ' OR ');
}

function facetRows(c: Clause): [FacetName, string][] {
  const rows: [FacetName, string][] = [['doc', c.docId]];
  if (c.year !== null) rows.push(['year', String(c.year)]);
  for (const u of new Set(c.units.map(u => u.name))) rows.push(['unit', u]);
  for (const t of c.topics) rows.push(['topic', t]);
  return rows;
}

export class SqliteEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  private db: Database.Database | null = null;
  private readonly file: string;

  constructor(dataDir: string, private readonly tables: Tables) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'index.sqlite');
    if (fs.existsSync(this.file)) this.open();
  }

  private open() {
    this.db?.close();
    this.db = new Database(this.file, { readonly: true, fileMustExist: true });
    this.db.pragma('query_only = true');
  }

  private get conn(): Database.Database {
    if (!this.db) throw new Error('index not built');
    return this.db;
  }

  async rebuild(documents: PolicyDocument[], clauses: Clause[], extraMeta: Record<string, string> = {}): Promise<void> {
    const tmp = `${this.file}.building-${process.pid}`;
    fs.rmSync(tmp, { force: true });
    const db = new Database(tmp);
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE documents (id TEXT PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE clauses (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, docId TEXT NOT NULL, ordinal INTEGER NOT NULL, json TEXT NOT NULL);
        CREATE TABLE facets (rowid INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL);
        CREATE TABLE projects (rowid INTEGER NOT NULL, name TEXT NOT NULL, docId TEXT NOT NULL);
        CREATE VIRTUAL TABLE fts USING fts5(words, grams, hwords, hgrams, content='', columnsize=1, tokenize='unicode61 remove_diacritics 0');
      `);
      const insDoc = db.prepare('INSERT INTO documents (id, json) VALUES (?, ?)');
      const insClause = db.prepare('INSERT INTO clauses (rowid, id, docId, ordinal, json) VALUES (?, ?, ?, ?, ?)');
      const insFacet = db.prepare('INSERT INTO facets (rowid, facet, value) VALUES (?, ?, ?)');
      const insProject = db.prepare('INSERT INTO projects (rowid, name, docId) VALUES (?, ?, ?)');
      const insFts = db.prepare('INSERT INTO fts (rowid, words, grams, hwords, hgrams) VALUES (?, ?, ?, ?, ?)');
      // Tokenize sentence by sentence with a cache: corpora repeat sentences (boilerplate, the
      // benchmark's recombined clauses), and jieba is the slowest step of a rebuild.
      const tokenCache = new Map<string, [string, string]>();
      const sentenceTokens = (s: string): [string, string] => {
        let t = tokenCache.get(s);
        if (!t) {
          const n = normalize(s);
          t = [words(n).join(' '), bigrams(n).join(' ')];
          if (tokenCache.size < 500_000) tokenCache.set(s, t);
        }
        return t;
      };
      const tokens = (text: string): [string, string] => {
        const parts = text.split(/(?<=[。；;！？])/).map(sentenceTokens);
        return [parts.map(p => p[0]).join(' '), parts.map(p => p[1]).join(' ')];
      };
      db.transaction(() => {
        for (const d of documents) insDoc.run(d.id, JSON.stringify(d));
        clauses.forEach((c, i) => {
          const rowid = i + 1;
          insClause.run(rowid, c.id, c.docId, c.ordinal, JSON.stringify(c));
          for (const [f, v] of facetRows(c)) insFacet.run(rowid, f, v);
          for (const p of c.projects) insProject.run(rowid, p, c.docId);
          const [w, g] = tokens(c.text);
          const [hw, hg] = tokens(c.path.at(-1) ?? '');
          insFts.run(rowid, w, g, hw, hg);
        });
        const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        meta.run('builtAt', String(Date.now()));
        for (const [k, v] of Object.entries(extraMeta)) meta.run(k, v);
      })();
      db.exec(`
        CREATE INDEX facets_value ON facets (facet, value, rowid);
        CREATE INDEX facets_rowid ON facets (rowid);
        CREATE INDEX clauses_doc ON clauses (docId, ordinal);
        CREATE INDEX projects_name ON projects (name);
      `);
      db.exec("INSERT INTO fts(fts) VALUES ('optimize')");
      db.close();
      fs.renameSync(tmp, this.file); // atomic on one filesystem
    } catch (e) {
      try { db.close(); } catch { /* already closed */ }
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    this.open();
  }

  meta(key: string): string | null {
    if (!this.db) return null;
    const row = this.conn.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async builtAt(): Promise<number | null> {
    const v = this.meta('builtAt');
    return v ? Number(v) : null;
  }

  async stats(): Promise<EngineStats> {
    if (!this.db) return { engine: 'sqlite', documents: 0, clauses: 0 };
    const d = this.conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
    const c = this.conn.prepare('SELECT count(*) AS n FROM clauses').get() as { n: number };
    return { engine: 'sqlite', documents: d.n, clauses: c.n };
  }

  async listDocuments(): Promise<PolicyDocument[]> {
    if (!this.db) return [];
    return (this.conn.prepare('SELECT json FROM documents ORDER BY id').all() as { json: string }[]).map(r => JSON.parse(r.json));
  }

  async getDocument(id: string): Promise<PolicyDocument | null> {
    if (!this.db) return null;
    const r = this.conn.prepare('SELECT json FROM documents WHERE id = ?').get(id) as { json: string } | undefined;
    return r ? JSON.parse(r.json) : null;
  }

  async documentClauses(docId: string): Promise<Clause[]> {
    if (!this.db) return [];
    return (this.conn.prepare('SELECT json FROM clauses WHERE docId = ? ORDER BY ordinal').all(docId) as { json: string }[]).map(r => JSON.parse(r.json));
  }

  async getClause(id: string): Promise<Clause | null> {
    if (!this.db) return null;
    const r = this.conn.prepare('SELECT json FROM clauses WHERE id = ?').get(id) as { json: string } | undefined;
    return r ? JSON.parse(r.json) : null;
  }

  private filterSql(filters: SearchParams['filters'], table: string): { sql: string; args: string[] } {
    const parts: string[] = [];
    const args: string[] = [];
    for (const f of FACETS) {
      const values = filters[f];
      if (!values?.length) continue;
      parts.push(`${table}.rowid IN (SELECT rowid FROM facets WHERE facet = ? AND value IN (${values.map(() => '?').join(',')}))`);
      args.push(f, ...values);
    }
    return { sql: parts.join(' AND '), args };
  }

  async search(params: SearchParams): Promise<SearchResult> {
    const empty: SearchResult = { total: 0, hits: [], facets: { year: {}, unit: {}, topic: {}, doc: {} } };
    if (!this.db) return empty;
    const q = analyzeQuery(params.q, this.tables);
    const filter = this.filterSql(params.filters, q.terms.length ? 'hits' : 'clauses');
    // bm25 ranks every match inside SQLite; only the best few hundred are parsed and re-scored
    // with the phrase and heading boosts, so cost stays flat as the corpus grows.
    const window = Math.max(100, params.offset + params.limit);
    const where = filter.sql ? `AND ${filter.sql}` : '';
    let expr = q.terms.length ? ftsExpression(q, 'and') : '';
    let matched: { rowid: number; rank: number; json: string }[] = [];
    let total = 0;
    const facets: SearchResult['facets'] = { year: {}, unit: {}, topic: {}, doc: {} };
    const countFacets = (sql: string, args: unknown[]) => {
      for (const r of this.conn.prepare(sql).all(...args) as { facet: FacetName; value: string; n: number }[]) facets[r.facet][r.value] = r.n;
    };
    if (q.terms.length) {
      // Rank and count on the FTS table alone ; clause JSON only for the top window.
      const top = (e: string) => {
        const ids = this.conn.prepare(`${HITS} SELECT rowid, rank FROM hits WHERE 1 ${where} ORDER BY rank LIMIT ?`).all(e, ...filter.args, window) as { rowid: number; rank: number }[];
        const get = this.conn.prepare('SELECT json FROM clauses WHERE rowid = ?');
        return ids.map(r => ({ ...r, json: (get.get(r.rowid) as { json: string }).json }));
      };
      matched = top(expr);
      // Nothing has every word: fall back to any word, ranked by how many match.
      if (!matched.length && q.terms.length > 1) { expr = ftsExpression(q, 'or'); matched = top(expr); }
      if (matched.length) {
        total = matched.length < window && params.offset === 0 ? matched.length
          : (this.conn.prepare(`${HITS} SELECT count(*) AS n FROM hits WHERE 1 ${where}`).get(expr, ...filter.args) as { n: number }).n;
        // Facet counts over every match, not just this page.
        countFacets(`${HITS} SELECT f.facet, f.value, count(*) AS n FROM hits JOIN facets f ON f.rowid = hits.rowid WHERE 1 ${where} GROUP BY f.facet, f.value`, [expr, ...filter.args]);
      }
    } else {
      if (!filter.sql) return empty;
      total = (this.conn.prepare(`SELECT count(*) AS n FROM clauses WHERE ${filter.sql}`).get(...filter.args) as { n: number }).n;
      matched = this.conn.prepare(`SELECT clauses.rowid AS rowid, 0 AS rank, clauses.json AS json FROM clauses WHERE ${filter.sql} ORDER BY clauses.docId, clauses.ordinal LIMIT ? OFFSET ?`).all(...filter.args, params.limit, params.offset) as typeof matched;
      countFacets(`SELECT f.facet, f.value, count(*) AS n FROM clauses JOIN facets f ON f.rowid = clauses.rowid WHERE ${filter.sql} GROUP BY f.facet, f.value`, filter.args);
    }
    const scored = matched.map(m => {
      const clause = JSON.parse(m.json) as Clause;
      if (!q.terms.length) return { clause, score: 0 };
      const n = normalize(clause.text).replace(/[\s\p{P}\p{S}]+/gu, '');
      const heading = normalize(clause.path.at(-1) ?? '') + normalize(clause.text.slice(0, clause.text.search(/[。；]/) + 1 || 0));
      let score = -m.rank;
      const present = q.terms.filter(t => t.alternatives.some(a => n.includes(a)) || (t.parts.length > 0 && t.parts.every(p => n.includes(p)))).length;
      score += present * 2;
      if (q.phrase.length >= 2 && n.includes(q.phrase)) score += 10;
      score += q.terms.filter(t => t.alternatives.some(a => heading.includes(a))).length;
      return { clause, score };
    });
    if (q.terms.length) scored.sort((a, b) => b.score - a.score);
    const page = q.terms.length ? scored.slice(params.offset, params.offset + params.limit) : scored;
    const hits = page.map(({ clause, score }) => ({ ...clause, score: Math.round(score * 1000) / 1000, highlight: highlight(clause.text, q) }));
    return { total, hits, facets };
  }

  async quoteCandidates(folded: string, limit: number): Promise<Clause[]> {
    if (!this.db) return [];
    const grams = bigrams(folded);
    if (!grams.length) return [];
    const run = (expr: string) => (this.conn.prepare(`SELECT c.json AS json FROM fts JOIN clauses c ON c.rowid = fts.rowid WHERE fts MATCH ? ORDER BY bm25(fts, 0.0, 1.0, 0.0, 0.0) LIMIT ?`).all(expr, limit) as { json: string }[]).map(r => JSON.parse(r.json) as Clause);
    const phrase = (gs: string[]) => `grams:${lit(gs.join(' '))}`;
    // 1. The quotation verbatim (after folding): one selective phrase query.
    const exact = run(phrase(grams.slice(0, 200)));
    if (exact.length) return exact;
    // 2. A misquotation leaves most of the text intact: any intact five-character run will do.
    const chunks: string[][] = [];
    for (let i = 0; i < grams.length; i += 4) chunks.push(grams.slice(i, i + 4));
    const near = run(chunks.slice(0, 24).map(phrase).join(' OR '));
    if (near.length) return near;
    // 3. Heavily changed text: any of sixteen bigrams spread over the quotation.
    const step = Math.max(1, grams.length / 16);
    const sample = Array.from({ length: Math.min(16, grams.length) }, (_, i) => grams[Math.floor(i * step)]);
    return run(sample.map(g => `grams:${lit(g)}`).join(' OR '));
  }

  async clausesMentioning(names: string[]): Promise<Clause[]> {
    if (!this.db || !names.length) return [];
    const normNames = [...new Set(names.map(n => normalize(n)).filter(n => n.length >= 2))];
    const expr = normNames.map(n => `(${termQuery(n)})`).join(' OR ');
    const byText = this.conn.prepare(`SELECT c.rowid AS rowid, c.json AS json FROM fts JOIN clauses c ON c.rowid = fts.rowid WHERE fts MATCH ?`).all(expr) as { rowid: number; json: string }[];
    const byProject = this.conn.prepare(`SELECT c.rowid AS rowid, c.json AS json FROM projects p JOIN clauses c ON c.rowid = p.rowid WHERE p.name IN (SELECT value FROM json_each(?))`).all(JSON.stringify(names)) as { rowid: number; json: string }[];
    const seen = new Map<number, Clause>();
    for (const r of [...byText, ...byProject]) if (!seen.has(r.rowid)) seen.set(r.rowid, JSON.parse(r.json));
    // Bigram phrases can match across word boundaries; confirm on the folded text.
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c)
      .filter(c => c.projects.some(p => names.includes(p)) || normNames.some(n => normalize(c.text).replace(/\s+/g, '').includes(n)));
  }

  async projects(): Promise<ProjectCount[]> {
    if (!this.db) return [];
    return this.conn.prepare('SELECT name, count(*) AS mentions, count(DISTINCT docId) AS documents FROM projects GROUP BY name ORDER BY mentions DESC, name').all() as ProjectCount[];
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
  }
}
