// The index file across its life: a rebuild that fails, a build killed mid-way, a damaged file and
// one from an older release. Whatever happens, the previous index keeps serving, or start-up
// rebuilds; a search never reads half an index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ingestFolder } from '../ingest/pipeline.js';
import { loadTables, userWords } from '../ingest/tables.js';
import { addUserWords } from '../ingest/text.js';
import type { IngestResult } from '../ingest/types.js';
import { SqliteEngine } from '../server/engines/sqlite.js';
import { prepare } from '../server/startup.js';
import { CORPUS } from './helpers/index.js';

const tables = loadTables();
addUserWords(userWords(tables));
let corpus: IngestResult;
const dirs: string[] = [];
const tmpDir = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-life-')); dirs.push(d); return d; };
const query = { q: '瑞金机场', filters: {}, limit: 5, offset: 0 };

beforeAll(async () => { corpus = await ingestFolder(CORPUS, { tables }); }, 60_000);
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

describe('index lifecycle (SQLite)', () => {
  it('keeps serving the previous index when a rebuild fails on a bad clause', async () => {
    const dir = tmpDir();
    const engine = new SqliteEngine(dir, tables);
    await engine.rebuild(corpus.documents, corpus.clauses);
    const before = await engine.search(query);
    expect(before.total).toBeGreaterThan(0);
    const broken = [...corpus.clauses, { ...corpus.clauses[0], id: 'broken', get text(): string { throw new Error('unreadable clause'); } }];
    await expect(engine.rebuild(corpus.documents, broken)).rejects.toThrow('unreadable clause');
    expect((await engine.search(query)).hits.map(h => h.id)).toEqual(before.hits.map(h => h.id));
    expect(fs.readdirSync(dir)).toEqual(['index.sqlite']);
    await engine.close();
  });

  it('keeps the previous index when the process building a new one is killed', async () => {
    const dir = tmpDir();
    const first = new SqliteEngine(dir, tables);
    await first.rebuild(corpus.documents, corpus.clauses);
    const before = await first.search(query);
    await first.close();
    // A child rebuilds a large index in the same folder and is killed mid-way.
    const script = `
      import { ingestFolder } from './ingest/pipeline.js';
      import { loadTables } from './ingest/tables.js';
      import { SqliteEngine } from './server/engines/sqlite.js';
      const tables = loadTables();
      const r = await ingestFolder(${JSON.stringify(CORPUS)}, { tables });
      const many = Array.from({ length: 400 }, (_, k) => r.clauses.map(c => ({ ...c, id: c.id + '-' + k }))).flat();
      console.log('building');
      await new SqliteEngine(${JSON.stringify(dir)}, tables).rebuild(r.documents, many);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(__dirname, '..') });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', d => { if (String(d).includes('building')) setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 1500); });
      child.on('exit', code => reject(new Error(`builder exited by itself (${code}) before it could be killed`)));
    });
    await new Promise(r => child.once('exit', r));
    const reopened = new SqliteEngine(dir, tables);
    expect((await reopened.search(query)).hits.map(h => h.id)).toEqual(before.hits.map(h => h.id));
    expect(fs.readdirSync(dir).some(f => f.includes('.building-'))).toBe(true);
    // The next rebuild clears what the killed one left behind.
    await reopened.rebuild(corpus.documents, corpus.clauses);
    expect(fs.readdirSync(dir)).toEqual(['index.sqlite']);
    await reopened.close();
  }, 60_000);

  it('rebuilds at start-up when the index file is damaged', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'index.sqlite'), 'not a database, a file cut short by a full disk');
    const ctx = await prepare({ corpusDir: CORPUS, dataDir: dir });
    expect(ctx.ingested).toBe(true);
    expect((await ctx.engine.search(query)).total).toBeGreaterThan(0);
    await ctx.engine.close();
  }, 60_000);

  it('rebuilds at start-up an index written in an older layout', async () => {
    const dir = tmpDir();
    const engine = new SqliteEngine(dir, tables);
    await engine.rebuild(corpus.documents, corpus.clauses);
    await engine.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, 'index.sqlite'));
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'format'").run();
    db.close();
    expect(await new SqliteEngine(dir, tables).builtAt()).toBeNull();
    const ctx = await prepare({ corpusDir: CORPUS, dataDir: dir });
    expect(ctx.ingested).toBe(true);
    expect((await ctx.engine.search(query)).total).toBeGreaterThan(0);
    await ctx.engine.close();
  }, 60_000);
});
