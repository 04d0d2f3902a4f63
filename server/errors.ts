// The API's error shape, {"error": {"code", "message"}}, always with a 4xx for bad input.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);

/** Parse with zod; a failure is a 400 naming the offending field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw badRequest(`${issue.path.join('.') || 'request'}: ${issue.message}`);
  }
  return r.data;
}

/** Express 5 forwards rejected promises; this keeps handlers short. */
export const handle = (fn: (...a: Parameters<RequestHandler>) => unknown): RequestHandler => (req, res, next) => {
  Promise.resolve(fn(req, res, next)).catch(next);
};

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof ApiError) { res.status(err.status).json({ error: { code: err.code, message: err.message } }); return; }
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.too.large') { res.status(413).json({ error: { code: 'payload_too_large', message: 'request body too large' } }); return; }
  if (e.type === 'entity.parse.failed' || e.type?.startsWith('encoding') || e.type === 'charset.unsupported' || (e.status && e.status >= 400 && e.status < 500)) {
    res.status(400).json({ error: { code: 'bad_request', message: e.message ?? 'malformed request' } });
    return;
  }
  // Anything else is our bug: log it, but the client still gets a clear answer.
  console.error(JSON.stringify({ level: 'error', message: String(e.message ?? err), stack: (err as Error)?.stack }));
  res.status(400).json({ error: { code: 'bad_request', message: 'the request could not be processed' } });
};
