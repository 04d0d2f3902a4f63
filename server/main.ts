// npm start: ingest CORPUS_DIR if the index is missing or stale, then serve PORT.
import path from 'node:path';
import { prepare } from './startup.js';
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 3000);
const settings = {
  corpusDir: path.resolve(process.env.CORPUS_DIR ?? 'corpus'),
  dataDir: path.resolve(process.env.DATA_DIR ?? 'data'),
  engine: process.env.SEARCH_ENGINE ?? 'sqlite',
  meiliUrl: process.env.MEILI_URL,
  meiliKey: process.env.MEILI_API_KEY,
  log: (m: string) => console.log(m),
};

const t0 = Date.now();
const ctx = await prepare(settings);
const server = createApp(ctx).listen(port, () => {
  console.log(`serving ${settings.corpusDir} (${ctx.engine.name}) at http://localhost:${port} — ready in ${Date.now() - t0} ms`);
});
const stop = () => { server.close(); void ctx.engine.close(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
