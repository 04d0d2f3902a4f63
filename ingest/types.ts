// The data the whole system passes around. Shapes follow ../shared/API.md exactly;
// server, web and tests import them from here rather than redeclaring them.

export type Script = 'hans' | 'hant';

export type UnitRole = 'lead' | 'support' | 'responsible' | 'mentioned';

export interface UnitRef {
  /** Normalized name: simplified script, alias resolved (省发改委 → 省发展改革委). */
  name: string;
  role: UnitRole;
}

export interface PolicyDocument {
  id: string;
  title: string;
  /** 发文字号, e.g. 赣苏振党组字〔2024〕3号 */
  docNumber: string | null;
  issuer: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY */
  date: string | null;
  year: number | null;
  script: Script;
  clauseCount: number;
  /** Path or URL the document came from. */
  source: string;
  /** 签发人, when the header names one (not part of the API contract; extra field). */
  signer?: string | null;
  /** Web address, when the document was retrieved from a page (GB/T 7714 [A/OL]). */
  url?: string;
  /** Date the web page was retrieved (YYYY-MM-DD), when known. */
  accessed?: string | null;
}

export interface Clause {
  id: string;
  docId: string;
  /** Position in the document, 0-based. */
  ordinal: number;
  /** Headings from the top, e.g. ["第三章 构建现代产业体系…", "第一节 建设区域性科技创新中心"]. */
  path: string[];
  /** How a writer cites it: "第三章第一节", "（二）", "28.". */
  label: string;
  /** The clause as printed in the source, original script, cleaned of OCR noise. */
  text: string;
  units: UnitRef[];
  topics: string[];
  projects: string[];
  /** The document's year. */
  year: number | null;
}

/** Per-file outcome of ingesting one document. */
export interface FileReport {
  file: string;
  ok: boolean;
  document?: PolicyDocument;
  clauses?: Clause[];
  warnings: string[];
  error?: string;
}

/** A whole folder ingested: what succeeded, plus a report line per file. */
export interface IngestResult {
  documents: PolicyDocument[];
  clauses: Clause[];
  reports: FileReport[];
}

/** What a clause says of a project (GET /api/commitments). */
export interface Commitment {
  /** From the editable verb table: 前期工作, 规划, 开工建设, 加快建设, 建成, 运营 … */
  action: string | null;
  /** A report of what happened, or a commitment to future work. */
  kind: 'progress' | 'commitment';
  /** 到2025年, 力争2025年… when stated. */
  targetYear: number | null;
}
