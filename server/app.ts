// The express app: JSON API under /api, the web app (web/dist) everywhere else.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { AppContext } from './context.js';
import { searchRouter } from './routes/search.js';
import { commitmentsRouter } from './routes/commitments.js';
import { citeRouter } from './routes/cite.js';
import { openapi } from './openapi.js';
import { errorHandler, notFound } from './errors.js';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export function createApp(ctx: AppContext, opts: { log?: boolean } = {}) {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  if (opts.log !== false) {
    // Structured request logs: one JSON line per request.
    app.use((req, res, next) => {
      const start = process.hrtime.bigint();
      const reqPath = req.path; // captured now: routers mounted at /api rewrite req.path
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        process.stdout.write(JSON.stringify({ method: req.method, path: reqPath, status: res.statusCode, ms: Math.round(ms * 10) / 10 }) + '\n');
      });
      next();
    });
  }
  app.use('/api', express.json({ limit: '64kb' }));
  app.get('/api/openapi.json', (_req, res) => { res.json(openapi); });
  app.use('/api', searchRouter(ctx), commitmentsRouter(ctx), citeRouter(ctx));
  app.use('/api', (req, _res, next) => next(notFound(`no endpoint ${req.method} ${req.path}`)));
  if (fs.existsSync(WEB_DIST)) {
    app.use(express.static(WEB_DIST, { index: 'index.html' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => { res.sendFile(path.join(WEB_DIST, 'index.html')); });
  }
  app.use(errorHandler);
  return app;
}
