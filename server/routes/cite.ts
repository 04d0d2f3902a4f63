// Citation lookup: POST {"text": quote} or GET ?text=.
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { badRequest, handle, parse } from '../errors.js';
import { findSources, QuoteTooShort } from '../cite.js';

const citeInput = z.object({
  text: z.string({ error: 'text: the quotation to look up' }).max(5000, 'quotation too long (5,000 characters at most)'),
  edition: z.enum(['2015', '2025']).optional(),
  limit: z.coerce.number().int().min(1).max(20).optional(),
});

export function citeRouter(ctx: AppContext): Router {
  const r = Router();
  const run = handle(async (req, res) => {
    const input = parse(citeInput, req.method === 'POST' ? req.body ?? {} : req.query);
    try {
      res.json({ matches: await findSources(ctx.engine, input.text, { edition: input.edition, limit: input.limit }) });
    } catch (e) {
      if (e instanceof QuoteTooShort) throw badRequest(e.message);
      throw e;
    }
  });
  r.post('/cite', run);
  r.get('/cite', run);
  return r;
}
