// Embedded engine: one SQLite file. Words are scored in process from a postings table (jieba
// words with term frequencies, see postings.ts); an FTS5 table of character bigrams answers
// positional questions: names jieba splits, numbers, quotations. Facet values are columns held in
// memory (facet-columns.ts). better-sqlite3 style: synchronous, prepared statements. Rebuilds
// write a new file aside and rename it over the old one, so a crash mid-build leaves the
// previous index serving.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Clause, PolicyDocument } from '../../ingest/types.js';
import { bigrams, normalize, words } from '../../ingest/text.js';
import type { Tables } from '../../ingest/tables.js';
import type { EngineStats, ProjectCount, SearchEngine, SearchParams, SearchResult } from '../engine.js';
import { analyzeQuery, highlight, type QueryTerm } from '../query.js';
import { FacetColumns } from './facet-columns.js';
import { addScores, EMPTY, fromBlob, indexTokens, intersect, intersectIds, mostCovered, addConstant, PostingsBuilder, toBlob, topK, union, type Bm25, type Posting } from './postings.js';

/** An FTS5 string literal: user text can never become syntax. */
const lit = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * When a word's bigram phrase is worth reading (FTS5 checks positions in the doclists of every
 * bigram: ~0.5 µs per clause holding them all). A word found in this many clauses is one jieba
 * knows and segments consistently, so its phrase adds next to nothing; and a phrase whose rarest
 * bigram occurs more often than the second limit costs tens of milliseconds on a large index.
 */
const PHRASE_WHEN_WORD_BELOW = 1000;
const PHRASE_WHEN_RAREST_GRAM_BELOW = 20_000;
/** Added when a query term is in the clause's own heading, and when the clause holds the query as typed. */
const HEADING_BOOST = 1;
const PHRASE_BOOST = 10;
/** The best clauses whose text is read for the phrase boost, when FTS5 cannot give it. */
const RESCORE_WINDOW = 100;
/** What the phrase re-scoring compares a query with: text normalized, without spaces and punctuation. */
function phraseText(normalized: string): string {
  return normalized.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Bump when the file's layout changes: an index of another format is rebuilt, not read. */
const FORMAT = '6';
/** Decoded word postings kept in memory between queries. */
const POSTINGS_CACHE_BYTES = 64 * 1024 * 1024;
/** …and at most this many (words no clause holds are remembered too, at no byte cost). */
const POSTINGS_CACHE_ENTRIES = 50_000;

interface Loaded {
  db: Database.Database;
  facets: FacetColumns;
  bm25: Bm25;
  /** Per-query scratch, indexed by rowid: BM25 sums. */
  scores: Float32Array;
  cache: Map<string, Posting>;
  /** rarestGram answers, by text. */
  gramCounts: Map<string, number>;
  cacheBytes: number;
  /** Prepared statements, compiled once per connection (better-sqlite3 style). */
  statements: Map<string, Database.Statement>;
}

export class SqliteEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  private loaded: Loaded | null = null;
  private readonly file: string;

  constructor(dataDir: string, private readonly tables: Tables) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'index.sqlite');
    if (fs.existsSync(this.file)) this.open();
  }

  /** Open the index file; one that is damaged or of another format counts as no index, so start-up rebuilds it. */
  private open() {
    this.loaded?.db.close();
    this.loaded = null;
    let db: Database.Database | null = null;
    try {
      db = new Database(this.file, { readonly: true, fileMustExist: true });
      db.pragma('query_only = true');
      const format = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'blobs'").get()
        && (db.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get() as string | undefined);
      if (format !== FORMAT) { db.close(); return; }
      this.loaded = this.load(db);
    } catch (e) {
      db?.close();
      console.error(`index ${this.file} is unreadable (${(e as Error).message}); it will be rebuilt`);
    }
  }

  private load(db: Database.Database): Loaded {
    const blob = db.prepare('SELECT text, data FROM blobs WHERE key = ?');
    const part = (key: string) => {
      const r = blob.get(key) as { text: string | null; data: Buffer | null } | undefined;
      if (!r) throw new Error(`missing ${key}`);
      return r.text !== null ? { text: r.text } : { array: fromBlob(r.data!, Uint32Array) };
    };
    const facets = FacetColumns.fromParts(part);
    const lengths = fromBlob((blob.get('lengths') as { data: Buffer }).data, Uint16Array);
    const docs = facets.size;
    const avgLength = Number(db.prepare("SELECT value FROM meta WHERE key = 'avgLength'").pluck().get()) || 1;
    return {
      db, facets, bm25: { docs, avgLength, lengths },
      scores: new Float32Array(docs + 1),
      cache: new Map(), cacheBytes: 0, gramCounts: new Map(), statements: new Map(),
    };
  }

  /** A prepared statement for this index, compiled on first use. */
  private sql(text: string): Database.Statement {
    const l = this.loaded;
    if (!l) throw new Error('index not built');
    let st = l.statements.get(text);
    if (!st) l.statements.set(text, (st = l.db.prepare(text)));
    return st;
  }

  private get conn(): Database.Database {
    if (!this.loaded) throw new Error('index not built');
    return this.loaded.db;
  }

  private get db(): Database.Database | null {
    return this.loaded?.db ?? null;
  }

  async rebuild(documents: PolicyDocument[], input: Clause[], extraMeta: Record<string, string> = {}): Promise<void> {
    // Rowids in document order, so a filter-only listing is a walk in rowid order.
    const clauses = [...input].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.ordinal - b.ordinal));
    const tmp = `${this.file}.building-${process.pid}`;
    this.removeAbandonedBuilds();
    const db = new Database(tmp);
    try {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE blobs (key TEXT PRIMARY KEY, text TEXT, data BLOB);
        CREATE TABLE documents (id TEXT PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE clauses (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, docId TEXT NOT NULL, ordinal INTEGER NOT NULL, json TEXT NOT NULL);
        CREATE TABLE rescore (rowid INTEGER PRIMARY KEY, body TEXT NOT NULL);
        CREATE TABLE headings (term TEXT PRIMARY KEY, ids BLOB NOT NULL);
        CREATE TABLE projects (rowid INTEGER NOT NULL, name TEXT NOT NULL, docId TEXT NOT NULL);
        CREATE TABLE postings (term TEXT PRIMARY KEY, ids BLOB NOT NULL, tfs BLOB NOT NULL);
        CREATE TABLE grams (gram TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
        CREATE VIRTUAL TABLE fts USING fts5(grams, content='', tokenize='unicode61 remove_diacritics 0');
      `);
      const insDoc = db.prepare('INSERT INTO documents (id, json) VALUES (?, ?)');
      const insClause = db.prepare('INSERT INTO clauses (rowid, id, docId, ordinal, json) VALUES (?, ?, ?, ?, ?)');
      const insRescore = db.prepare('INSERT INTO rescore (rowid, body) VALUES (?, ?)');
      const insHeading = db.prepare('INSERT INTO headings (term, ids) VALUES (?, ?)');
      const insProject = db.prepare('INSERT INTO projects (rowid, name, docId) VALUES (?, ?, ?)');
      const insFts = db.prepare('INSERT INTO fts (rowid, grams) VALUES (?, ?)');
      const insPosting = db.prepare('INSERT INTO postings (term, ids, tfs) VALUES (?, ?, ?)');
      const insGram = db.prepare('INSERT INTO grams (gram, n) VALUES (?, ?)');
      const insBlob = db.prepare('INSERT INTO blobs (key, text, data) VALUES (?, ?, ?)');
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      // Tokenize sentence by sentence with a cache: corpora repeat sentences (boilerplate, the
      // benchmark's recombined clauses), and jieba is the slowest step of a rebuild.
      // Tokenize sentence by sentence with a cache: corpora repeat sentences (boilerplate, the
      // benchmark's recombined clauses), and jieba is the slowest step of a rebuild. Bigram
      // occurrences are counted per sentence too: query planning reads them (formPosting).
      interface Sentence { tokens: string[]; grams: string[]; body: string; uses: number }
      const tokenCache = new Map<string, Sentence>();
      const gramCounts = new Map<string, number>();
      const countGrams = (grams: string[], times: number) => { for (const g of grams) gramCounts.set(g, (gramCounts.get(g) ?? 0) + times); };
      const sentenceTokens = (s: string): Sentence => {
        let t = tokenCache.get(s);
        if (!t) {
          const n = normalize(s);
          t = { tokens: indexTokens(words(n)), grams: bigrams(n), body: phraseText(n), uses: 0 };
          if (tokenCache.size < 500_000) tokenCache.set(s, t);
          else countGrams(t.grams, 1);
        }
        t.uses++;
        return t;
      };
      const postings = new PostingsBuilder();
      const headings = new PostingsBuilder();
      const headingCache = new Map<string, string[]>();
      const headingTokens = (h: string) => {
        let t = headingCache.get(h);
        if (!t) headingCache.set(h, (t = indexTokens(words(normalize(h)))));
        return t;
      };
      const lengths = new Uint16Array(clauses.length + 1);
      let totalLength = 0;
      db.transaction(() => {
        for (const d of documents) insDoc.run(d.id, JSON.stringify(d));
        clauses.forEach((c, i) => {
          const rowid = i + 1;
          insClause.run(rowid, c.id, c.docId, c.ordinal, JSON.stringify(c));
          for (const p of c.projects) insProject.run(rowid, p, c.docId);
          const parts = c.text.split(/(?<=[。；;！？])/).map(sentenceTokens);
          insRescore.run(rowid, parts.map(p => p.body).join(''));
          const tokens = parts.flatMap(p => p.tokens);
          postings.add(rowid, tokens);
          // A clause's own heading: the last heading above it and its first sentence (a run-in title).
          headings.add(rowid, [...headingTokens(c.path.at(-1) ?? ''), ...(parts[0]?.tokens ?? [])]);
          lengths[rowid] = Math.min(0xffff, tokens.length);
          totalLength += tokens.length;
          insFts.run(rowid, parts.map(p => p.grams.join(' ')).join(' '));
        });
        for (const [term, p] of postings.entries()) insPosting.run(term, toBlob(p.ids), toBlob(p.tfs));
        for (const [term, p] of headings.entries()) insHeading.run(term, toBlob(p.ids));
        for (const t of tokenCache.values()) countGrams(t.grams, t.uses);
        for (const [gram, n] of gramCounts) insGram.run(gram, n);
        for (const [key, value] of Object.entries(FacetColumns.build(clauses).parts())) {
          insBlob.run(key, typeof value === 'string' ? value : null, typeof value === 'string' ? null : toBlob(value));
        }
        insBlob.run('lengths', null, toBlob(lengths));
        meta.run('builtAt', String(Date.now()));
        meta.run('format', FORMAT);
        meta.run('avgLength', String(totalLength / Math.max(1, clauses.length)));
        for (const [k, v] of Object.entries(extraMeta)) meta.run(k, v);
      })();
      db.exec(`
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

  /** Half-written files of builds whose process died (killed, out of memory): they can be gigabytes. */
  private removeAbandonedBuilds() {
    const prefix = `${path.basename(this.file)}.building-`;
    for (const f of fs.readdirSync(path.dirname(this.file))) {
      if (!f.startsWith(prefix)) continue;
      const pid = Number(f.slice(prefix.length));
      let alive = pid !== process.pid && Number.isInteger(pid);
      try { if (alive) process.kill(pid, 0); } catch { alive = false; }
      if (!alive) fs.rmSync(path.join(path.dirname(this.file), f), { force: true });
    }
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

  /** A word's posting, from the cache or the postings table. */
  private wordPosting(word: string): Posting {
    return this.cached(`w${word}`, () => {
      const r = this.sql('SELECT ids, tfs FROM postings WHERE term = ?').get(word) as { ids: Buffer; tfs: Buffer } | undefined;
      return r ? { ids: fromBlob(r.ids, Uint32Array), tfs: new Uint8Array(r.tfs) } : EMPTY;
    });
  }

  /** Clauses whose own heading holds a word. */
  private headingPosting(word: string): Posting {
    return this.cached(`h${word}`, () => {
      const ids = this.sql('SELECT ids FROM headings WHERE term = ?').pluck().get(word) as Buffer | undefined;
      return ids ? { ids: fromBlob(ids, Uint32Array), tfs: new Uint8Array(0) } : EMPTY;
    });
  }

  /** Decoded postings stay in memory between queries, least recently used out first. */
  private cached(key: string, read: () => Posting): Posting {
    const l = this.loaded!;
    const hit = l.cache.get(key);
    if (hit) { l.cache.delete(key); l.cache.set(key, hit); return hit; }
    const p = read();
    l.cache.set(key, p);
    l.cacheBytes += p.ids.byteLength + p.tfs.byteLength;
    for (const [k, old] of l.cache) {
      if (l.cacheBytes <= POSTINGS_CACHE_BYTES && l.cache.size <= POSTINGS_CACHE_ENTRIES) break;
      l.cache.delete(k);
      l.cacheBytes -= old.ids.byteLength + old.tfs.byteLength;
    }
    return p;
  }

  /** Clauses holding a text on the bigram field: a phrase of its bigrams (a lone character: any bigram it starts). */
  private gramPosting(text: string): Posting {
    const grams = bigrams(text);
    if (!grams.length) return EMPTY;
    // A lone Han character is found inside its bigrams; a lone digit or letter is a token of its own.
    const ids = text.length === 1 && /\p{Script=Han}/u.test(text) ? this.ftsIds(`grams:${lit(text)}*`) : this.phraseIds(grams);
    return { ids, tfs: new Uint8Array(ids.length).fill(1) };
  }

  /** Clauses holding these bigrams in a row, ascending. */
  private phraseIds(grams: string[]): Uint32Array {
    return this.ftsIds(`grams:${lit(grams.join(' '))}`);
  }

  private ftsIds(expr: string): Uint32Array {
    return Uint32Array.from(this.sql('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid').raw().pluck().all(expr) as number[]);
  }

  /** How often a bigram occurs in the corpus (counted at build time). */
  private gramCount(gram: string): number {
    return (this.sql('SELECT n FROM grams WHERE gram = ?').pluck().get(gram) as number | undefined) ?? 0;
  }

  private clauseAt(rowid: number): Clause {
    return JSON.parse(this.sql('SELECT json FROM clauses WHERE rowid = ?').pluck().get(rowid) as string) as Clause;
  }

  /** Clauses holding one form of a term: its word, or its bigram phrase where the word may be split. */
  private formPosting(form: string, recall: 'bounded' | 'full'): Posting {
    const word = this.wordPosting(form);
    if (form.length === 1) return union([word, this.gramPosting(form)]);
    // Even a two-character word: jieba may cut it apart in the text (“五型”政府 → 五/型).
    if (recall === 'bounded' && (word.ids.length >= PHRASE_WHEN_WORD_BELOW || this.rarestGram(form) >= PHRASE_WHEN_RAREST_GRAM_BELOW)) return word;
    return union([word, this.gramPosting(form)]);
  }

  /** How often the rarest bigram of a text occurs in the corpus. */
  private rarestGram(text: string): number {
    const counts = this.loaded!.gramCounts;
    let n = counts.get(text);
    if (n === undefined) {
      n = Math.min(...bigrams(text).map(g => this.gramCount(g)));
      if (counts.size > 100_000) counts.clear();
      counts.set(text, n);
    }
    return n;
  }

  /**
   * Clauses satisfying a query term (any alternative, or all of its parts: 五型 + 政府 for “五型”政府),
   * and each of those forms on its own: every form a clause holds adds to its score, as each
   * phrase of an FTS5 OR query would.
   */
  private termPostings(t: QueryTerm): { any: Posting; forms: Posting[] } {
    const forms = t.alternatives.map(a => this.formPosting(a, 'bounded'));
    if (t.parts.length) forms.push(intersect(t.parts.map(p => this.formPosting(p, 'bounded'))));
    return { any: union(forms), forms };
  }

  async search(params: SearchParams): Promise<SearchResult> {
    const empty: SearchResult = { total: 0, hits: [], facets: { year: {}, unit: {}, topic: {}, doc: {} } };
    if (!this.loaded) return empty;
    const { facets, bm25, scores } = this.loaded;
    const q = analyzeQuery(params.q, this.tables);
    const filtered = facets.select(params.filters);

    if (!q.terms.length) {
      if (!filtered) return empty;
      const page = Array.from(filtered.subarray(params.offset, params.offset + params.limit), r => this.clauseAt(r));
      return { total: filtered.length, hits: page.map(c => ({ ...c, score: 0, highlight: highlight(c.text, q) })), facets: facets.count(filtered) };
    }

    // Every term (AND), found by intersecting from the rarest; when no clause holds them all, the
    // clauses holding the most of them (a query word the corpus lacks, or a typo, does not empty
    // the page, nor pad it with clauses that share one common word). BM25 is summed over each
    // term's forms for just the clauses returned (after the filters).
    const postings = q.terms.map(t => this.termPostings(t));
    let ids = postings.map(p => p.any.ids).sort((x, y) => x.length - y.length).reduce((acc, l) => (acc.length ? intersectIds(acc, l) : acc));
    if (!ids.length && postings.length > 1) ids = mostCovered(postings.map(p => p.any.ids)).ids;
    if (filtered) ids = intersectIds(ids, filtered);
    // The scratch scores are cleared however this ends: the next query starts from zero.
    try {
      for (const { forms } of postings) for (const f of forms) addScores(bm25, f, scores, 3, ids);
      // A term in the clause's own heading (its section title, its first sentence) counts once more.
      for (const t of q.terms) addConstant(union(t.alternatives.map(a => this.headingPosting(a))).ids, ids, scores, HEADING_BOOST);
      // The query as typed, as one phrase: for one term, its own form (not a synonym or its parts);
      // for several, the bigram phrase on FTS5 where that is cheap, else the text of the best few.
      let rescore = false;
      if (q.terms.length === 1 && q.phrase.length >= 2) addConstant(postings[0].forms[0].ids, ids, scores, PHRASE_BOOST);
      else if (q.phrase.length >= 2) {
        // A phrase whose bigrams never occur may still be in the text across punctuation (“五型”政府).
        const rarest = q.phrase.length <= 64 ? this.rarestGram(q.phrase) : 0;
        if (rarest > 0 && rarest < PHRASE_WHEN_RAREST_GRAM_BELOW) addConstant(this.gramPosting(q.phrase).ids, ids, scores, PHRASE_BOOST);
        else rescore = true;
      }
      let scored = topK(ids, scores, rescore ? Math.max(RESCORE_WINDOW, params.offset + params.limit) : params.offset + params.limit)
        .map(rowid => ({ rowid, score: scores[rowid] }));
      if (rescore) {
        const texts = this.sql('SELECT rowid, body FROM rescore WHERE rowid IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(scored.map(s => s.rowid))) as [number, string][];
        const withPhrase = new Set(texts.filter(([, body]) => body.includes(q.phrase)).map(([rowid]) => rowid));
        scored = scored.map(s => ({ rowid: s.rowid, score: s.score + (withPhrase.has(s.rowid) ? PHRASE_BOOST : 0) }))
          .sort((a, b) => b.score - a.score || a.rowid - b.rowid);
      }
      const hits = scored.slice(params.offset, params.offset + params.limit).map(({ rowid, score }) => {
        const clause = this.clauseAt(rowid);
        return { ...clause, score: Math.round(score * 1000) / 1000, highlight: highlight(clause.text, q) };
      });
      return { total: ids.length, hits, facets: facets.count(ids) };
    } finally {
      for (const id of ids) scores[id] = 0;
    }
  }

  async quoteCandidates(folded: string, limit: number): Promise<Clause[]> {
    if (!this.loaded) return [];
    const grams = bigrams(folded).slice(0, 200);
    if (!grams.length) return [];
    const counts = new Map(grams.map(g => [g, this.gramCount(g)]));
    // 1. The quotation verbatim (after folding): one phrase, when every bigram of it is in the index.
    let found: Uint32Array = grams.every(g => counts.get(g)) ? this.phraseIds(grams) : new Uint32Array(0);
    if (!found.length) {
      // 2. A misquotation leaves most of the text intact: the clauses holding the most of its
      //    runs of up to four bigrams, cut where a bigram is in no clause (a changed character,
      //    or a junction the index never joins: 。 or “ between two characters of the source);
      //    3. heavily changed text: the most of its bigrams. The rarest pieces only, so a
      //    quotation of common words costs what a rare one does; common ones only when nothing
      //    rarer is left (a quotation must still be answered).
      const rarest = (pieces: string[][]) => {
        // Two from each third of the quotation: a source that spans sentences stands out from
        // the many clauses repeating one of them.
        const ranked = pieces.map((p, i) => ({ p, third: Math.floor((3 * i) / pieces.length), n: Math.min(...p.map(g => counts.get(g)!)) })).sort((x, y) => x.n - y.n);
        const cheap = ranked.filter(x => x.n < PHRASE_WHEN_RAREST_GRAM_BELOW);
        const chosen = cheap.length ? [0, 1, 2].flatMap(t => cheap.filter(x => x.third === t).slice(0, 2)) : ranked.slice(0, 2);
        return chosen.map(x => this.phraseIds(x.p));
      };
      const runs: string[][] = [];
      let run: string[] = [];
      for (const g of grams) {
        if (!counts.get(g)) { if (run.length) runs.push(run); run = []; continue; }
        run.push(g);
        if (run.length === 4) { runs.push(run); run = []; }
      }
      if (run.length) runs.push(run);
      found = mostCovered(rarest(runs)).ids;
      if (!found.length) found = mostCovered(rarest(grams.filter(g => counts.get(g)).map(g => [g]))).ids;
    }
    // Among equals, the shortest clauses: the quotation is most of what they say.
    const { scores, bm25 } = this.loaded;
    for (const id of found) scores[id] = -bm25.lengths[id];
    const best = topK(found, scores, limit);
    for (const id of found) scores[id] = 0;
    return best.map(r => this.clauseAt(r));
  }

  async clausesMentioning(names: string[]): Promise<Clause[]> {
    if (!this.db || !names.length) return [];
    const normNames = [...new Set(names.map(n => normalize(n)).filter(n => n.length >= 2))];
    const byText = union(normNames.map(n => this.formPosting(n, 'full'))).ids;
    const byProject = this.conn.prepare('SELECT DISTINCT rowid FROM projects WHERE name IN (SELECT value FROM json_each(?))').raw().pluck().all(JSON.stringify(names)) as number[];
    const rowids = [...new Set([...byText, ...byProject])].sort((x, y) => x - y);
    // Bigram phrases can match across word boundaries; confirm on the folded text.
    return rowids.map(r => this.clauseAt(r))
      .filter(c => c.projects.some(p => names.includes(p)) || normNames.some(n => normalize(c.text).replace(/\s+/g, '').includes(n)));
  }

  async projects(): Promise<ProjectCount[]> {
    if (!this.db) return [];
    return this.conn.prepare('SELECT name, count(*) AS mentions, count(DISTINCT docId) AS documents FROM projects GROUP BY name ORDER BY mentions DESC, name').all() as ProjectCount[];
  }

  async close(): Promise<void> {
    this.loaded?.db.close();
    this.loaded = null;
  }
}
