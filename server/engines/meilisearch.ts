// Meilisearch engine, for deployments that outgrow one process. Settings-driven: searchable,
// filterable and sortable attributes, ranking rules and the thesaurus as synonyms are declared once
// in INDEX_SETTINGS. Documents carry the same normalized words/bigrams as the SQLite index, so a
// traditional query finds simplified text the same way. Rebuilds fill a fresh index and swap it in.
import { Meilisearch, type Index } from 'meilisearch';
import type { Clause, PolicyDocument } from '../../ingest/types.js';
import { bigrams, normalize, words } from '../../ingest/text.js';
import type { Tables } from '../../ingest/tables.js';
import type { EngineStats, FacetName, ProjectCount, SearchEngine, SearchParams, SearchResult } from '../engine.js';
import { analyzeQuery, highlight } from '../query.js';

interface ClauseDoc extends Clause { key: string; words: string; grams: string; heading: string; unitNames: string[]; rank: number }

const FACET_FIELD: Record<FacetName, string> = { year: 'year', unit: 'unitNames', topic: 'topics', doc: 'docId' };
const BATCH = 5000;

export function indexSettings(tables: Tables) {
  const synonyms: Record<string, string[]> = {};
  for (const [term, group] of tables.synonyms) synonyms[term] = [...group];
  return {
    searchableAttributes: ['words', 'heading', 'grams'],
    filterableAttributes: ['year', 'unitNames', 'topics', 'docId', 'projects'],
    sortableAttributes: ['year', 'rank'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'rank:asc'],
    displayedAttributes: ['*'],
    synonyms,
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: 10_000 },
    faceting: { maxValuesPerFacet: 500 },
  };
}

const key = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');
const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private metaCache = new Map<string, string>();

  constructor(private readonly opts: { host: string; apiKey?: string; index: string; dataDir: string }, private readonly tables: Tables) {
    this.client = new Meilisearch({ host: opts.host, apiKey: opts.apiKey });
  }

  private clauses(): Index<ClauseDoc> { return this.client.index<ClauseDoc>(this.opts.index); }
  private docs(): Index<PolicyDocument & { key: string }> { return this.client.index(`${this.opts.index}_documents`); }
  private metaIndex(): Index<{ id: string; value: string }> { return this.client.index(`${this.opts.index}_meta`); }

  /** Wait for a task and turn a failed one into an error that says why. */
  private async done(p: { waitTask: (o?: { timeout?: number }) => Promise<{ status: string; error?: { message: string } | null; uid: number }> }) {
    const task = await p.waitTask({ timeout: 600_000 });
    if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? 'no reason given'}`);
  }

  async rebuild(documents: PolicyDocument[], clauses: Clause[], meta: Record<string, string> = {}): Promise<void> {
    const names = [this.opts.index, `${this.opts.index}_documents`, `${this.opts.index}_meta`];
    const tmp = names.map(n => `${n}_building`);
    for (const t of tmp) { try { await this.done(this.client.deleteIndex(t)); } catch { /* absent */ } }
    for (const [i, t] of tmp.entries()) await this.done(this.client.createIndex(t, { primaryKey: i === 2 ? 'id' : 'key' }));
    await this.done(this.client.index(tmp[0]).updateSettings(indexSettings(this.tables)));
    await this.done(this.client.index(tmp[1]).updateSettings({ filterableAttributes: ['id'] }));
    const rows: ClauseDoc[] = clauses.map((c, i) => {
      const n = normalize(c.text);
      return { ...c, key: key(c.id), words: words(n).join(' '), grams: bigrams(n).join(' '), heading: words(normalize(c.path.at(-1) ?? '')).join(' '), unitNames: [...new Set(c.units.map(u => u.name))], rank: i };
    });
    for (let i = 0; i < rows.length; i += BATCH) await this.done(this.client.index<ClauseDoc>(tmp[0]).addDocuments(rows.slice(i, i + BATCH)));
    await this.done(this.client.index(tmp[1]).addDocuments(documents.map(d => ({ ...d, key: key(d.id) }))));
    await this.done(this.client.index(tmp[2]).addDocuments([{ id: 'builtAt', value: String(Date.now()) }, ...Object.entries(meta).map(([id, value]) => ({ id, value }))]));
    for (const n of names) { try { await this.done(this.client.createIndex(n, { primaryKey: n.endsWith('_meta') ? 'id' : 'key' })); } catch { /* exists */ } }
    await this.done(this.client.swapIndexes(names.map((n, i) => ({ indexes: [n, tmp[i]] as [string, string], rename: false }))));
    for (const t of tmp) await this.done(this.client.deleteIndex(t));
    this.metaCache.clear();
  }

  async meta(k: string): Promise<string | null> {
    if (this.metaCache.has(k)) return this.metaCache.get(k)!;
    try {
      const d = await this.metaIndex().getDocument(k);
      this.metaCache.set(k, d.value);
      return d.value;
    } catch { return null; }
  }

  async builtAt(): Promise<number | null> { const v = await this.meta('builtAt'); return v ? Number(v) : null; }

  async stats(): Promise<EngineStats> {
    try {
      const [c, d] = await Promise.all([this.clauses().getStats(), this.docs().getStats()]);
      return { engine: 'meilisearch', documents: d.numberOfDocuments, clauses: c.numberOfDocuments };
    } catch { return { engine: 'meilisearch', documents: 0, clauses: 0 }; }
  }

  private strip(d: ClauseDoc): Clause {
    const { id, docId, ordinal, path, label, text, units, topics, projects, year } = d;
    return { id, docId, ordinal, path, label, text, units, topics, projects, year };
  }

  async listDocuments(): Promise<PolicyDocument[]> {
    const r = await this.docs().getDocuments({ limit: 10_000 });
    return r.results.map(({ key: _k, ...d }) => d as PolicyDocument).sort((a, b) => a.id.localeCompare(b.id));
  }

  async getDocument(id: string): Promise<PolicyDocument | null> {
    try { const { key: _k, ...d } = await this.docs().getDocument(key(id)); return d as PolicyDocument; } catch { return null; }
  }

  async documentClauses(docId: string): Promise<Clause[]> {
    const r = await this.clauses().search('', { filter: `docId = ${quote(docId)}`, sort: ['rank:asc'], limit: 10_000 });
    return r.hits.map(h => this.strip(h as ClauseDoc));
  }

  async getClause(id: string): Promise<Clause | null> {
    try { return this.strip(await this.clauses().getDocument(key(id))); } catch { return null; }
  }

  private filter(filters: SearchParams['filters']): string[] {
    return (Object.keys(FACET_FIELD) as FacetName[]).filter(f => filters[f]?.length).map(f => `${FACET_FIELD[f]} IN [${filters[f]!.map(v => (f === 'year' && /^\d+$/.test(v) ? v : quote(v))).join(', ')}]`);
  }

  async search(params: SearchParams): Promise<SearchResult> {
    const q = analyzeQuery(params.q, this.tables);
    const filter = this.filter(params.filters);
    if (!q.terms.length && !filter.length) return { total: 0, hits: [], facets: { year: {}, unit: {}, topic: {}, doc: {} } };
    // Each term as its jieba words: Meilisearch matches them in the words field, bigrams in grams.
    const text = q.terms.map(t => t.alternatives[0]).join(' ');
    const run = (matchingStrategy: 'all' | 'frequency') => this.clauses().search(text, {
      filter, facets: Object.values(FACET_FIELD), offset: params.offset, limit: params.limit,
      matchingStrategy, showRankingScore: true, sort: q.terms.length ? undefined : ['rank:asc'],
    });
    // Every term; when no clause holds them all, Meilisearch drops the most frequent terms first,
    // as the SQLite engine keeps the clauses holding the most terms.
    let r = await run('all');
    if (!r.hits.length && !params.offset && q.terms.length > 1) r = await run('frequency');
    const dist = r.facetDistribution ?? {};
    const facets = { year: dist.year ?? {}, unit: dist.unitNames ?? {}, topic: dist.topics ?? {}, doc: dist.docId ?? {} };
    return {
      total: r.estimatedTotalHits ?? r.hits.length,
      hits: r.hits.map(h => ({ ...this.strip(h as ClauseDoc), score: (h as { _rankingScore?: number })._rankingScore ?? 0, highlight: highlight((h as ClauseDoc).text, q) })),
      facets,
    };
  }

  async quoteCandidates(folded: string, limit: number): Promise<Clause[]> {
    const r = await this.clauses().search(bigrams(folded).slice(0, 32).join(' '), { limit, attributesToSearchOn: ['grams'], matchingStrategy: 'last' });
    return r.hits.map(h => this.strip(h as ClauseDoc));
  }

  async clausesMentioning(names: string[]): Promise<Clause[]> {
    const seen = new Map<string, Clause>();
    const norm = names.map(n => normalize(n));
    for (const n of norm) {
      const r = await this.clauses().search(bigrams(n).join(' '), { limit: 1000, attributesToSearchOn: ['grams'], matchingStrategy: 'all' });
      for (const h of r.hits) seen.set((h as ClauseDoc).id, this.strip(h as ClauseDoc));
    }
    const byProject = await this.clauses().search('', { filter: `projects IN [${names.map(quote).join(', ')}]`, limit: 1000 });
    for (const h of byProject.hits) seen.set((h as ClauseDoc).id, this.strip(h as ClauseDoc));
    return [...seen.values()].filter(c => c.projects.some(p => names.includes(p)) || norm.some(n => normalize(c.text).includes(n)))
      .sort((a, b) => a.docId.localeCompare(b.docId) || a.ordinal - b.ordinal);
  }

  async projects(): Promise<ProjectCount[]> {
    const r = await this.clauses().search('', { facets: ['projects'], limit: 0 });
    const mentions = r.facetDistribution?.projects ?? {};
    const out: ProjectCount[] = [];
    for (const [name, n] of Object.entries(mentions)) {
      const per = await this.clauses().search('', { filter: `projects = ${quote(name)}`, facets: ['docId'], limit: 0 });
      out.push({ name, mentions: n, documents: Object.keys(per.facetDistribution?.docId ?? {}).length });
    }
    return out.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  }

  async close(): Promise<void> { /* HTTP client: nothing to release */ }
}
