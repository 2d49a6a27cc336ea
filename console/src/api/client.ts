// The typed API client: openapi-fetch over the types generated from the server's /openapi.json.
// Every call carries the user's key, exactly as any integrator's client would.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Api = ReturnType<typeof createClient<paths>>;
export type Schemas = components['schemas'];

/** An error answer of the API: its status, stable code and message. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }

  /** Each problem of a refused document (rules, strategies): where, and what to change. */
  get problems(): Array<{ path: string; message: string }> {
    const list = this.details?.problems;
    return Array.isArray(list) ? list as Array<{ path: string; message: string }> : [];
  }
}

/** A client whose every request sends `key` as a bearer token. */
export function apiClient(key: string): Api {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  client.use({
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${key}`);
      return request;
    },
  });
  return client;
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of an answer, or an ApiError with the server's code and message. */
export async function ok<T>(answer: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await answer;
  if (response.ok && data !== undefined) return data;
  const body = error as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined;
  throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? response.statusText, body?.error?.details);
}

/** The paths this server serves, read from its public OpenAPI document: views of routes it lacks are not shown. */
export async function serverPaths(): Promise<Set<string>> {
  const res = await fetch('/openapi.json');
  if (!res.ok) return new Set();
  const doc = await res.json() as { paths?: Record<string, unknown> };
  return new Set(Object.keys(doc.paths ?? {}));
}
