// OpenAPI 3.1 description of every endpoint (../shared/API.md); tests/api-openapi.test.ts checks
// real responses against these schemas.
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const errors = { '400': { description: 'bad request', ...json(ref('Error')) }, '404': { description: 'not found', ...json(ref('Error')) } };
const repeatable = (name: string, description: string) => ({ name, in: 'query', description, schema: { oneOf: [str, { type: 'array', items: str }] } });
const counts = { type: 'object', additionalProperties: int };

export const openapi = {
  openapi: '3.1.0',
  info: { title: 'Policy clause knowledge base API', version: '1.0.0', description: 'Search, project commitments and citation lookup over Chinese policy documents.' },
  paths: {
    '/api/health': { get: { summary: 'Index status', responses: { '200': { description: 'ok', ...json({ type: 'object', required: ['status', 'engine', 'documents', 'clauses'], properties: { status: { const: 'ok' }, engine: { enum: ['sqlite', 'meilisearch'] }, documents: int, clauses: int } }) } } } },
    '/api/documents': { get: { summary: 'All documents', responses: { '200': { description: 'ok', ...json({ type: 'object', required: ['documents'], properties: { documents: { type: 'array', items: ref('Document') } } }) } } } },
    '/api/documents/{id}': { get: { summary: 'A document and its clauses in order', parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '200': { description: 'ok', ...json({ type: 'object', required: ['document', 'clauses'], properties: { document: ref('Document'), clauses: { type: 'array', items: ref('Clause') } } }) }, ...errors } } },
    '/api/clauses/{id}': { get: { summary: 'A clause with its document and citation', parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '200': { description: 'ok', ...json({ type: 'object', required: ['clause', 'document', 'citation'], properties: { clause: ref('Clause'), document: ref('Document'), citation: ref('Citation') } }) }, ...errors } } },
    '/api/search': { get: {
      summary: 'Search clauses',
      parameters: [{ name: 'q', in: 'query', schema: str }, repeatable('year', 'document year'), repeatable('unit', 'responsible unit (alias or either script)'), repeatable('topic', '主题分类'), repeatable('doc', 'document id'),
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 } }, { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } }],
      responses: { '200': { description: 'ok', ...json({ type: 'object', required: ['total', 'hits', 'facets'], properties: { total: int, hits: { type: 'array', items: { allOf: [ref('Clause'), { type: 'object', required: ['score', 'highlight'], properties: { score: { type: 'number' }, highlight: str } }] } }, facets: { type: 'object', required: ['year', 'unit', 'topic', 'doc'], properties: { year: counts, unit: counts, topic: counts, doc: counts } } } }) }, ...errors },
    } },
    '/api/projects': { get: { summary: 'Projects found by ingestion', parameters: [{ name: 'q', in: 'query', schema: str }, { name: 'limit', in: 'query', schema: int }], responses: { '200': { description: 'ok', ...json({ type: 'object', required: ['projects'], properties: { projects: { type: 'array', items: { type: 'object', required: ['name', 'aliases', 'mentions', 'documents'], properties: { name: str, aliases: { type: 'array', items: str }, mentions: int, documents: int } } } } }) }, ...errors } } },
    '/api/commitments': { get: { summary: 'Documents that mention a project, oldest first', parameters: [{ name: 'project', in: 'query', required: true, schema: str }], responses: { '200': { description: 'ok', ...json({ type: 'object', required: ['project', 'documents'], properties: { project: { type: 'object', required: ['name', 'aliases'], properties: { name: str, aliases: { type: 'array', items: str } } }, documents: { type: 'array', items: { type: 'object', required: ['document', 'clauses'], properties: { document: ref('Document'), clauses: { type: 'array', items: { allOf: [ref('Clause'), { type: 'object', required: ['commitment'], properties: { commitment: ref('Commitment') } }] } } } } } } }) }, ...errors } } },
    '/api/cite': {
      post: { summary: 'Find the source of a quotation', requestBody: { required: true, ...json({ type: 'object', required: ['text'], properties: { text: str, edition: { enum: ['2015', '2025'] } } }) }, responses: { '200': { description: 'ok', ...json(ref('CiteResult')) }, ...errors } },
      get: { summary: 'Find the source of a quotation', parameters: [{ name: 'text', in: 'query', required: true, schema: str }, { name: 'edition', in: 'query', schema: { enum: ['2015', '2025'] } }], responses: { '200': { description: 'ok', ...json(ref('CiteResult')) }, ...errors } },
    },
    '/api/openapi.json': { get: { summary: 'This description', responses: { '200': { description: 'ok' } } } },
  },
  components: { schemas: {
    Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: str, message: str } } } },
    Document: { type: 'object', required: ['id', 'title', 'docNumber', 'issuer', 'date', 'year', 'script', 'clauseCount', 'source'], properties: { id: str, title: str, docNumber: nullableStr, issuer: nullableStr, date: nullableStr, year: { type: ['integer', 'null'] }, script: { enum: ['hans', 'hant'] }, clauseCount: int, source: str, signer: nullableStr, url: str, accessed: nullableStr } },
    Unit: { type: 'object', required: ['name', 'role'], properties: { name: str, role: { enum: ['lead', 'support', 'responsible', 'mentioned'] } } },
    Clause: { type: 'object', required: ['id', 'docId', 'ordinal', 'path', 'label', 'text', 'units', 'topics', 'projects', 'year'], properties: { id: str, docId: str, ordinal: int, path: { type: 'array', items: str }, label: str, text: str, units: { type: 'array', items: { $ref: '#/components/schemas/Unit' } }, topics: { type: 'array', items: str }, projects: { type: 'array', items: str }, year: { type: ['integer', 'null'] } } },
    Commitment: { type: 'object', required: ['action', 'kind', 'targetYear'], properties: { action: nullableStr, kind: { enum: ['progress', 'commitment'] }, targetYear: { type: ['integer', 'null'] } } },
    Citation: { type: 'object', required: ['gongwen', 'gbt7714', 'inline'], properties: { gongwen: str, gbt7714: str, inline: str, firstMention: str } },
    CiteResult: { type: 'object', required: ['matches'], properties: { matches: { type: 'array', items: { type: 'object', required: ['clause', 'document', 'score', 'exact', 'matchedText', 'citation'], properties: { clause: { $ref: '#/components/schemas/Clause' }, document: { $ref: '#/components/schemas/Document' }, score: { type: 'number', minimum: 0, maximum: 1 }, exact: { type: 'boolean' }, matchedText: str, diff: { type: 'array', items: { type: 'object', required: ['op', 'text'], properties: { op: { enum: ['equal', 'insert', 'delete'] }, text: str } } }, citation: { $ref: '#/components/schemas/Citation' } } } } } },
  } },
};
