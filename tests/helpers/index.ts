// One real index of the bundled corpus per test file: ingested, built into a SQLite file in a
// temp dir, served by the real express app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { prepare } from '../../server/startup.js';
import { createApp } from '../../server/app.js';
import type { AppContext } from '../../server/context.js';

export const CORPUS = path.resolve(__dirname, '../../corpus');

export async function buildCorpusIndex(engine = 'sqlite'): Promise<AppContext & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-test-'));
  const ctx = await prepare({ corpusDir: CORPUS, dataDir, engine, meiliUrl: process.env.MEILI_URL, meiliKey: process.env.MEILI_API_KEY });
  return { ...ctx, dataDir };
}

export async function serve(ctx: AppContext): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createApp(ctx, { log: false }).listen(0, '127.0.0.1');
  await new Promise(r => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise(r => server.close(() => r())) };
}
