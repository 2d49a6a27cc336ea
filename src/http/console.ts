// The web console's built files (console/dist), served at / without a key: the page holds no
// data, and every call it makes goes through the API with the key the user types in. Only the
// page, its hashed assets and its icon are served, never a listing of the folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HttpError } from './errors.js';

/**
 * The page may load its own scripts and styles only and talk to this server only. Inline style
 * attributes are allowed because the UI library positions popovers and charts with them.
 */
export const CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Registers GET / (the page), GET /assets/* and GET /favicon.svg from `dir`. */
export async function registerConsole(app: FastifyInstance, dir: string): Promise<void> {
  const built = existsSync(join(dir, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: dir, serve: false });
  const notBuilt = (): never => {
    throw new HttpError('not_found', `the console is not built (no ${join(dir, 'index.html')}); run npm run build, then restart bulwark serve`);
  };
  const page = async (_request: unknown, reply: FastifyReply) => {
    if (!built) notBuilt();
    return reply.header('cache-control', 'no-cache').header('content-security-policy', CONSOLE_CSP)
      .header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer')
      .sendFile('index.html', { cacheControl: false });
  };
  const schema = { hide: true } as const;
  app.get('/', { config: { auth: 'public' }, schema }, page);
  app.get('/index.html', { config: { auth: 'public' }, schema }, page);
  app.get('/favicon.svg', { config: { auth: 'public' }, schema }, async (_request, reply) => {
    if (!built) notBuilt();
    return reply.sendFile('favicon.svg', { maxAge: '1d' });
  });
  // Vite names every asset by its content hash, so a cached copy never goes stale.
  app.get('/assets/*', { config: { auth: 'public' }, schema }, async (request, reply) => {
    if (!built) notBuilt();
    const file = (request.params as { '*': string })['*'];
    return reply.header('x-content-type-options', 'nosniff').sendFile(`assets/${file}`, { maxAge: '365d', immutable: true });
  });
}
