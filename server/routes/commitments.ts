// Projects and commitments: discover project names, then follow one across documents.
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { aliasesOf, canonicalName } from '../../ingest/tables.js';
import { normalize } from '../../ingest/text.js';
import { badRequest, handle, parse } from '../errors.js';
import { commitmentsFor } from '../commitments.js';

const projectsQuery = z.object({
  q: z.string().max(200).optional().default(''),
  limit: z.union([z.string(), z.number()]).optional().transform((v, c) => {
    if (v === undefined || v === '') return 50;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 500) { c.addIssue({ code: 'custom', message: 'must be an integer from 1 to 500' }); return z.NEVER; }
    return n;
  }),
});
const commitmentsQuery = z.object({ project: z.string().max(200).optional() });

export function commitmentsRouter(ctx: AppContext): Router {
  const r = Router();
  r.get('/projects', handle(async (req, res) => {
    const p = parse(projectsQuery, req.query);
    const q = normalize(p.q.trim());
    const canonical = q ? canonicalName(p.q, ctx.tables) : '';
    const all = await ctx.engine.projects();
    const projects = all
      .map(x => ({ ...x, aliases: aliasesOf(x.name, ctx.tables) }))
      .filter(x => !q || x.name === canonical || [x.name, ...x.aliases].some(n => normalize(n).startsWith(q) || normalize(n).includes(q)))
      .sort((a, b) => Number(b.name === canonical) - Number(a.name === canonical) || Number(normalize(b.name).startsWith(q)) - Number(normalize(a.name).startsWith(q)) || b.mentions - a.mentions)
      .slice(0, p.limit)
      .map(x => ({ name: x.name, aliases: x.aliases, mentions: x.mentions, documents: x.documents }));
    res.json({ projects });
  }));
  r.get('/commitments', handle(async (req, res) => {
    const p = parse(commitmentsQuery, req.query);
    if (!p.project?.trim()) throw badRequest('project: give a project name, e.g. ?project=瑞金机场');
    res.json(await commitmentsFor(ctx.engine, ctx.tables, p.project.trim()));
  }));
  return r;
}
