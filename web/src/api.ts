// The only place the page talks to the server: ../shared/API.md, nothing else.
export interface Unit { name: string; role: string }
export interface Doc { id: string; title: string; docNumber: string | null; issuer: string | null; date: string | null; year: number | null; script: string; clauseCount: number; source: string; url?: string }
export interface Clause { id: string; docId: string; ordinal: number; path: string[]; label: string; text: string; units: Unit[]; topics: string[]; projects: string[]; year: number | null }
export interface Hit extends Clause { score: number; highlight: string }
export interface SearchResult { total: number; hits: Hit[]; facets: Record<'year' | 'unit' | 'topic' | 'doc', Record<string, number>> }
export interface Citation { gongwen: string; gbt7714: string; inline: string; firstMention?: string }
export interface CiteMatch { clause: Clause; document: Doc; score: number; exact: boolean; matchedText: string; diff?: { op: 'equal' | 'insert' | 'delete'; text: string }[]; citation: Citation }
export interface Commitment { action: string | null; kind: 'progress' | 'commitment'; targetYear: number | null }
export interface Commitments { project: { name: string; aliases: string[] }; documents: { document: Doc; clauses: (Clause & { commitment: Commitment })[] }[] }
export interface Project { name: string; aliases: string[]; mentions: number; documents: number }

export class ApiError extends Error {}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try { res = await fetch(path, init); } catch { throw new ApiError('无法连接服务器，请检查网络后重试。'); }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body?.error?.message ? `请求有误：${body.error.message}` : `服务器返回错误（${res.status}）。`);
  return body as T;
}

export const api = {
  search: (params: URLSearchParams) => call<SearchResult>(`/api/search?${params}`),
  documents: () => call<{ documents: Doc[] }>('/api/documents'),
  document: (id: string) => call<{ document: Doc; clauses: Clause[] }>(`/api/documents/${encodeURIComponent(id)}`),
  projects: (q: string) => call<{ projects: Project[] }>(`/api/projects?${new URLSearchParams({ q, limit: '20' })}`),
  commitments: (project: string) => call<Commitments>(`/api/commitments?${new URLSearchParams({ project })}`),
  cite: (text: string) => call<{ matches: CiteMatch[] }>('/api/cite', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }),
};
