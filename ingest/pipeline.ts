// A folder of documents in, documents and clauses out. I/O lives here; every rule is a pure
// function in read/clean/metadata/segment/enrich.
import fs from 'node:fs';
import path from 'node:path';
import type { Clause, FileReport, IngestResult, PolicyDocument } from './types.js';
import { readDocument, SUPPORTED } from './read.js';
import { dropChrome, toBlocks } from './clean.js';
import { extractMetadata, normalizeDocNumber, pageTitle, parseDate, yearOf } from './metadata.js';
import { segment } from './segment.js';
import { enrichClause } from './enrich.js';
import { loadTables, type Tables } from './tables.js';
import { toSimplified } from './text.js';
import { DecodeError } from './encoding.js';

const SIDECAR_FIELDS = ['title', 'docNumber', 'issuer', 'signer', 'date', 'url', 'accessed'] as const;

export interface Sidecar { title?: string; docNumber?: string; issuer?: string; signer?: string; date?: string; url?: string; accessed?: string }

function readSidecar(file: string): Sidecar | null {
  const p = file.replace(/\.[^.]+$/, '') + '.meta.json';
  if (!fs.existsSync(p)) return null;
  return JSON.parse(fs.readFileSync(p, 'utf8')) as Sidecar;
}

/** hant when a noticeable share of Han characters change under t→cn. */
export function detectScript(text: string): 'hans' | 'hant' {
  // A few thousand characters tell the script; converting the whole text would cost as much as ingesting it.
  const sample = text.slice(0, 5000);
  const simplified = toSimplified(sample);
  let han = 0, diff = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) { han++; if (sample[i] !== simplified[i]) diff++; }
  }
  return han && diff / han > 0.03 ? 'hant' : 'hans';
}

/** Ingest a document already decoded into lines (also used by the benchmark on generated text). */
export function ingestLines(lines: string[], opts: { docId: string; source: string; tables: Tables; breadcrumb?: string; meta?: Record<string, unknown>; sidecar?: Sidecar | null }): { document: PolicyDocument; clauses: Clause[]; warnings: string[] } {
  const { tables, docId } = opts;
  const warnings: string[] = [];
  const chrome = dropChrome(lines, tables.chrome, tables.fields);
  const { meta, header, body } = extractMetadata(toBlocks(chrome.lines), opts.breadcrumb ?? chrome.breadcrumb, chrome.fields);
  // Front matter (md) and <meta> (html) fill what the text left open.
  const fm = opts.meta ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : null);
  meta.title ??= str(fm.title) ?? str(fm.ArticleTitle) ?? (str(fm.htmlTitle) ? pageTitle(str(fm.htmlTitle)!) : null);
  meta.docNumber ??= str(fm.docNumber) ? normalizeDocNumber(str(fm.docNumber)!) ?? str(fm.docNumber) : null;
  meta.issuer ??= str(fm.issuer) ?? str(fm.author);
  meta.date ??= str(fm.date) ? parseDate(str(fm.date)!) : null;
  const sidecar = opts.sidecar;
  let url = str(fm.url) ?? str(fm['og:url']);
  let accessed: string | null = null;
  if (sidecar) {
    for (const f of SIDECAR_FIELDS) {
      const v = sidecar[f];
      if (v === undefined) continue;
      if (f === 'url') { url = v; continue; }
      if (f === 'accessed') { accessed = v; continue; }
      if (meta[f as keyof typeof meta]) warnings.push(`sidecar repeats ${f}, which the text already says`);
      else (meta as unknown as Record<string, string | null>)[f] = f === 'date' ? parseDate(v) ?? v : v;
    }
  }
  // The header (版头: issuer, 发文字号, 签发人, title) stays findable and citable as clause 0.
  const drafts = [...(header.length ? [{ path: [], label: '版头', text: header.join('\n') }] : []), ...segment(body)];
  if (!drafts.length) warnings.push('no clauses found');
  const year = yearOf(meta.date, meta.docNumber);
  const clauses: Clause[] = drafts.map((d, ordinal) => ({
    id: `${docId}-${ordinal}`,
    docId,
    ordinal,
    path: d.path,
    label: d.label,
    text: d.text,
    ...enrichClause(d.text, d.path, tables, d.unitCells),
    year,
  }));
  const document: PolicyDocument = {
    id: docId,
    title: meta.title ?? docId,
    docNumber: meta.docNumber,
    issuer: meta.issuer,
    date: meta.date,
    year,
    script: detectScript(drafts.map(d => d.text).join('')),
    clauseCount: clauses.length,
    source: url ?? opts.source,
    signer: meta.signer,
    ...(url ? { url, accessed } : {}),
  };
  if (!meta.title) warnings.push('no title found (give one in a .meta.json sidecar)');
  return { document, clauses, warnings };
}

export async function ingestFile(file: string, opts: { tables?: Tables; docId?: string; root?: string } = {}): Promise<FileReport> {
  const tables = opts.tables ?? loadTables();
  const rel = opts.root ? path.relative(opts.root, file) : file;
  const docId = opts.docId ?? path.basename(file).replace(/\.[^.]+$/, '');
  try {
    const bytes = fs.readFileSync(file);
    const read = readDocument(file, bytes);
    let sidecar: Sidecar | null = null;
    const warnings: string[] = [];
    try { sidecar = readSidecar(file); } catch (e) { warnings.push(`unreadable sidecar: ${(e as Error).message}`); }
    const r = ingestLines(read.lines, { docId, source: rel, tables, breadcrumb: read.breadcrumb, meta: read.meta, sidecar });
    return { file: rel, ok: true, document: r.document, clauses: r.clauses, warnings: [...warnings, ...r.warnings] };
  } catch (e) {
    const reason = e instanceof DecodeError ? e.message : `could not ingest: ${(e as Error).message}`;
    return { file: rel, ok: false, warnings: [], error: reason };
  }
}

/** Every document file under a folder (sidecars, README.md and tables/ are not documents). */
export function listDocuments(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) { if (entry.name !== 'tables' && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(p); continue; }
      if (!SUPPORTED.has(path.extname(entry.name).toLowerCase())) continue;
      if (/^readme\.md$/i.test(entry.name) || /\.meta\.(json|ya?ml)$/.test(entry.name)) continue;
      out.push(p);
    }
  };
  walk(dir);
  return out;
}

export async function ingestFolder(dir: string, opts: { tables?: Tables; onProgress?: (done: number, total: number, file: string) => void } = {}): Promise<IngestResult> {
  const tables = opts.tables ?? loadTables();
  const files = listDocuments(dir);
  const result: IngestResult = { documents: [], clauses: [], reports: [] };
  const seen = new Set<string>();
  for (const [i, file] of files.entries()) {
    let docId = path.relative(dir, file).replace(/\.[^.]+$/, '').replace(/[\\/]/g, '__');
    if (seen.has(docId)) docId += '_' + path.extname(file).slice(1);
    seen.add(docId);
    const report = await ingestFile(file, { tables, docId, root: dir });
    result.reports.push(report);
    if (report.ok && report.document && report.clauses) {
      result.documents.push(report.document);
      result.clauses.push(...report.clauses);
    }
    opts.onProgress?.(i + 1, files.length, path.relative(dir, file));
  }
  return result;
}
