// One interface, two implementations (SQLite FTS5 embedded, Meilisearch): the HTTP API and
// the CLIs talk only to this, so both engines pass the same contract suite.
import type { Clause, PolicyDocument } from '../ingest/types.js';

export type FacetName = 'year' | 'unit' | 'topic' | 'doc';

export interface SearchParams {
  /** Raw user query; may be empty when a filter is given. */
  q: string;
  /** Already resolved to canonical values (aliases and traditional script folded). OR within, AND across. */
  filters: Partial<Record<FacetName, string[]>>;
  limit: number;
  offset: number;
}

export interface SearchHit extends Clause {
  score: number;
  /** Original-script text with <mark>…</mark> around what matched. */
  highlight: string;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<FacetName, Record<string, number>>;
}

export interface EngineStats {
  engine: 'sqlite' | 'meilisearch';
  documents: number;
  clauses: number;
}

export interface ProjectCount {
  name: string;
  mentions: number;
  documents: number;
}

export interface SearchEngine {
  readonly name: 'sqlite' | 'meilisearch';
  /** Replace the whole index atomically: readers see the old index until the new one is complete. */
  rebuild(documents: PolicyDocument[], clauses: Clause[], meta?: Record<string, string>): Promise<void>;
  /** A value stored with the index at build time (corpus fingerprint, user words). */
  meta(key: string): string | null | Promise<string | null>;
  /** Whether an index exists and when it was built (ms since epoch), to decide on re-ingesting. */
  builtAt(): Promise<number | null>;
  stats(): Promise<EngineStats>;
  listDocuments(): Promise<PolicyDocument[]>;
  getDocument(id: string): Promise<PolicyDocument | null>;
  /** The document's clauses in document order. */
  documentClauses(docId: string): Promise<Clause[]>;
  getClause(id: string): Promise<Clause | null>;
  search(params: SearchParams): Promise<SearchResult>;
  /**
   * Clauses most likely to contain a quotation, best first: recall-oriented retrieval on
   * character bigrams of the folded quotation (see ingest/text.ts fold/bigrams). Citation
   * lookup aligns the quotation against these.
   */
  quoteCandidates(folded: string, limit: number): Promise<Clause[]>;
  /** Clauses whose projects include any of these canonical names, or whose text holds one. */
  clausesMentioning(names: string[]): Promise<Clause[]>;
  /** Every project name found by ingestion, with how many clauses and documents mention it. */
  projects(): Promise<ProjectCount[]>;
  close(): Promise<void>;
}
