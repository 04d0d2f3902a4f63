// Health, documents, clauses and search: the reading side of the API.
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { canonicalName } from '../../ingest/tables.js';
import { toSimplified } from '../../ingest/text.js';
import { handle, notFound, parse } from '../errors.js';
import { citationFor } from '../citation.js';
import type { FacetName } from '../engine.js';

const many = z.union([z.string(), z.array(z.string())]).optional().transform(v => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const int = (dflt: number, min: number, max: number) => z.union([z.string(), z.number()]).optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) { ctx.addIssue({ code: 'custom', message: `must be an integer from ${min} to ${max}` }); return z.NEVER; }
    return n;
  });

export const searchQuery = z.object({
  q: z.string().max(10_000, 'query too long (10,000 characters at most)').optional().default(''),
  year: many, unit: many, topic: many, doc: many,
  limit: int(10, 1, 100),
  offset: int(0, 0, 100_000),
});

export function searchRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/health', handle(async (_req, res) => {
    const s = await ctx.engine.stats();
    res.json({ status: 'ok', engine: s.engine, documents: s.documents, clauses: s.clauses });
  }));
  r.get('/documents', handle(async (_req, res) => { res.json({ documents: await ctx.engine.listDocuments() }); }));
  r.get('/documents/:id', handle(async (req, res) => {
    const document = await ctx.engine.getDocument(String(req.params.id));
    if (!document) throw notFound(`no document ${req.params.id}`);
    res.json({ document, clauses: await ctx.engine.documentClauses(document.id) });
  }));
  r.get('/clauses/:id', handle(async (req, res) => {
    const clause = await ctx.engine.getClause(String(req.params.id));
    if (!clause) throw notFound(`no clause ${req.params.id}`);
    const document = (await ctx.engine.getDocument(clause.docId))!;
    res.json({ clause, document, citation: citationFor(document, clause) });
  }));
  r.get('/search', handle(async (req, res) => {
    const p = parse(searchQuery, req.query);
    // Filter values are matched after normalization: 省發改委 selects 省发展改革委.
    const docs = p.doc.length ? await ctx.engine.listDocuments() : [];
    const filters: Partial<Record<FacetName, string[]>> = {
      year: p.year.map(y => y.trim()),
      unit: p.unit.map(u => canonicalName(u, ctx.tables)),
      topic: p.topic.map(t => toSimplified(t.trim())),
      doc: p.doc.map(d => docs.find(x => x.id === d || x.title === d || toSimplified(x.title) === toSimplified(d))?.id ?? d),
    };
    const q = p.q.replace(/[\u0000-\u001f\u007f]/g, ' ');
    const result = await ctx.engine.search({ q, filters, limit: p.limit, offset: p.offset });
    res.json(result);
  }));
  return r;
}
