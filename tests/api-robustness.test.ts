// No request, whatever its query string or body, produces a 5xx; every response matches the
// OpenAPI description clients generate code from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { openapi } from '../server/openapi.js';
import type { AppContext } from '../server/context.js';
import { buildCorpusIndex, serve } from './helpers/index.js';

let ctx: AppContext;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => { ctx = await buildCorpusIndex(); server = await serve(ctx); }, 180_000);
afterAll(async () => { await server?.close(); await ctx?.engine.close(); });

const get = (p: string) => fetch(server.url + p);

describe('hostile requests get 200 or 4xx, never 5xx', () => {
  const queries = ['"', '*', 'NEAR(a b)', 'a AND b OR NOT c', '((((', "1' OR '1'='1", 'DROP TABLE clauses;', '😀🚀', '\u0001\u0002', '%00', 'x'.repeat(10_000), 'q'.repeat(10_001)];
  it('search with any query text', async () => {
    for (const q of queries) {
      const res = await get('/api/search?q=' + encodeURIComponent(q));
      expect(res.status, q.slice(0, 20)).toBeLessThan(500);
    }
  });
  it('rejects bad limit and offset with a 400 in the API error shape', async () => {
    for (const qs of ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', 'offset=-1', 'offset=NaN', 'limit[]=3', 'limit=1e9']) {
      const res = await get('/api/search?q=瑞金&' + qs);
      expect(res.status, qs).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toBeTruthy();
    }
  });
  it('accepts arrays and odd shapes in query strings without crashing', async () => {
    for (const qs of ['q[]=a&q[]=b', 'q[a]=1', 'unit[x]=y', 'year=abc', 'doc=' + '%E4'.repeat(3), 'topic=' + '"'.repeat(50)]) {
      const res = await get('/api/search?' + qs);
      expect(res.status, qs).toBeLessThan(500);
    }
  });
  it('answers malformed and oversized bodies with 400 and 413', async () => {
    const post = (body: string, type = 'application/json') => fetch(server.url + '/api/cite', { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('{not json')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    expect((await post('{"text": 5}')).status).toBe(400);
    expect((await post(JSON.stringify({ text: '短' }))).status).toBe(400);
    const big = await post(JSON.stringify({ text: '字'.repeat(100_000) }));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('payload_too_large');
  });
  it('gives 404 not_found for unknown ids and endpoints', async () => {
    for (const p of ['/api/documents/nope', '/api/clauses/nope', '/api/nothing-here']) {
      const res = await get(p);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
  it('requires a project for commitments and returns an empty list for an unknown one', async () => {
    expect((await get('/api/commitments')).status).toBe(400);
    const res = await get('/api/commitments?project=' + encodeURIComponent('火星基地'));
    expect(res.status).toBe(200);
    expect((await res.json()).documents).toEqual([]);
  });
});

describe('OpenAPI 3.1 description', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'api', components: openapi.components });
  const check = async (p: string, route: string, method: 'get' | 'post' = 'get', body?: unknown) => {
    const res = await fetch(server.url + p, method === 'post' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : undefined);
    const json = await res.json();
    const schema = (openapi.paths as Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { schema: object } } }> }>>)[route][method].responses[String(res.status)].content!['application/json'].schema;
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, '"api#/components')));
    expect(validate(json), `${p}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  };
  it('is served at /api/openapi.json', async () => {
    const res = await get('/api/openapi.json');
    expect((await res.json()).openapi).toBe('3.1.0');
  });
  it('describes the real responses of every endpoint', async () => {
    const docs = (await (await get('/api/documents')).json()).documents;
    await check('/api/health', '/api/health');
    await check('/api/documents', '/api/documents');
    await check(`/api/documents/${docs[0].id}`, '/api/documents/{id}');
    await check(`/api/clauses/${docs[0].id}-1`, '/api/clauses/{id}');
    await check('/api/clauses/missing', '/api/clauses/{id}');
    await check('/api/search?q=' + encodeURIComponent('瑞金机场'), '/api/search');
    await check('/api/search?limit=0', '/api/search');
    await check('/api/projects?q=' + encodeURIComponent('机场'), '/api/projects');
    await check('/api/commitments?project=' + encodeURIComponent('瑞金机场'), '/api/commitments');
    await check('/api/cite', '/api/cite', 'post', { text: '实施农村饮水安全巩固提升工程' });
    await check('/api/cite?text=' + encodeURIComponent('全市常住人口城镇化率由45.51%提高至58.31%'), '/api/cite');
  });
});
