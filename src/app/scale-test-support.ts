// What the scale-out tests share: unique stream, state prefix and schema names per run, and
// cleaning them up afterwards, against the PostgreSQL, Redis and NATS on this machine (or those
// named by BULWARK_TEST_POSTGRES, BULWARK_TEST_REDIS, BULWARK_TEST_NATS).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect as connectTcp, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

export const POSTGRES = process.env['BULWARK_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS = process.env['BULWARK_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';
export const NATS = process.env['BULWARK_TEST_NATS'] ?? 'nats://127.0.0.1:4222';

/** The URLs of one isolated deployment: its own stream, Redis prefix and PostgreSQL schema. */
export interface Deployment {
  name: string;
  stream: string;
  state: string;
  db: string;
}

export function deployment(tag: string, partitions = 8, on: { nats?: string; redis?: string; postgres?: string } = {}): Deployment {
  const name = `bw_${tag}_${process.pid}_${Date.now().toString(36)}`;
  return {
    name,
    stream: `${on.nats ?? NATS}?stream=${name}&subject=${name}.ev&partitions=${partitions}`,
    state: `${on.redis ?? REDIS}?prefix=${name}`,
    db: `${on.postgres ?? POSTGRES}?schema=${name}`,
  };
}

/** Drops a deployment's PostgreSQL schema (all a deployment on private Redis and NATS servers leaves behind). */
export async function dropSchema(name: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: POSTGRES });
  await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`).finally(() => pool.end());
}

/** Deletes a deployment's stream, Redis keys and schema. */
export async function dropDeployment(d: Deployment): Promise<void> {
  await dropSchema(d.name);
  const redis = new Redis(REDIS);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${d.name}:*`, 'COUNT', 10_000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  const nc = await connect({ servers: new URL(NATS).host });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(d.name).catch(() => false);
  await nc.close();
}

/**
 * An alert file as its incidents: kind and subjects, sorted. Not the ids: an incident's id comes
 * from the member that opened it, which can differ between runs with several workers (see
 * docs/scaling.md, "Same answers as one machine").
 */
export function incidents(path: string): Array<{ kind: string; subjects: Record<string, string[]> }> {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; subjects: Record<string, string[]> })
    .map((a) => ({ kind: a.kind, subjects: Object.fromEntries(Object.entries(a.subjects).map(([k, v]) => [k, [...v].sort()])) }))
    .sort((a, b) => { const x = JSON.stringify(a); const y = JSON.stringify(b); return x < y ? -1 : x > y ? 1 : 0; });
}

/** The CLI as the tests run it (TypeScript through tsx). */
export const CLI = ['--import', 'tsx', new URL('../cli/main.ts', import.meta.url).pathname];

/** A CLI process with its stderr collected. */
export interface CliProcess {
  child: ChildProcess;
  err: string[];
  exited: Promise<number | null>;
}

/** Starts `bulwark ARGS...` in a child process. */
export function bulwark(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const err: string[] = [];
  child.stderr!.on('data', (c: Buffer) => err.push(c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, err, exited };
}

/** Resolves with the URL `bulwark serve` prints once it listens. */
export async function listeningUrl(p: CliProcess, timeoutMs = 30_000): Promise<string> {
  let url: string | undefined;
  await waitFor(async () => {
    url = /listening on (http:\/\/\S+)/.exec(p.err.join(''))?.[1];
    if (!url && p.child.exitCode !== null) throw new Error(`serve exited with ${p.child.exitCode}: ${p.err.join('')}`);
    return url !== undefined;
  }, timeoutMs, () => `serve did not print its URL: ${p.err.join('')}`);
  return url!;
}

/** Polls `cond` every 100 ms until it is true; fails after `timeoutMs` with `why()`. */
export async function waitFor(cond: () => Promise<boolean> | boolean, timeoutMs: number, why: () => string = () => 'timed out'): Promise<void> {
  for (const started = Date.now(); !(await cond()); await sleep(100)) {
    if (Date.now() - started > timeoutMs) throw new Error(`after ${timeoutMs} ms: ${why()}`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A free TCP port on loopback (closed again; a server started right after takes it). */
export async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as AddressInfo).port;
  s.close();
  await once(s, 'close');
  return port;
}

/** A server process of the test's own (redis-server, nats-server) that it can stop and start again. */
export class PrivateServer {
  #child: ChildProcess | undefined;
  #log: string[] = [];

  private constructor(readonly port: number, readonly command: string, readonly args: readonly string[], readonly ready: () => Promise<boolean>) {}

  /** A Redis without persistence: a restart loses its state, as a lost Redis would. */
  static async redis(): Promise<PrivateServer> {
    const port = await freePort();
    const s = new PrivateServer(port, process.env['BULWARK_TEST_REDIS_SERVER'] ?? '/usr/bin/redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], () => tcpOpen(port));
    await s.start();
    return s;
  }

  /** A NATS server with JetStream on file storage in `dir`, which a restart keeps. */
  static async nats(dir: string): Promise<PrivateServer> {
    const port = await freePort();
    const s = new PrivateServer(port, process.env['BULWARK_TEST_NATS_SERVER'] ?? '/usr/sbin/nats-server',
      ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], () => tcpOpen(port));
    await s.start();
    return s;
  }

  async start(): Promise<void> {
    this.#child = spawn(this.command, this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child.stdout!.on('data', (c: Buffer) => this.#log.push(c.toString()));
    this.#child.stderr!.on('data', (c: Buffer) => this.#log.push(c.toString()));
    // A missing binary: reported by the wait below, with what to install or set.
    this.#child.on('error', (err) => this.#log.push(`${err.message} (install it, or set BULWARK_TEST_REDIS_SERVER / BULWARK_TEST_NATS_SERVER)`));
    await waitFor(this.ready, 10_000, () => `${this.command} did not listen on ${this.port}: ${this.#log.join('')}`);
  }

  /** Stops the server (SIGTERM, then SIGKILL after 5 s). */
  async stop(): Promise<void> {
    const c = this.#child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = once(c, 'exit');
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connectTcp(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/**
 * A TCP proxy on a free loopback port in front of `target`: `refuse()` closes it (new connections
 * are refused, open ones cut), `accept()` opens it again on the same port.
 */
export class TcpProxy {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();

  private constructor(readonly port: number, readonly target: { host: string; port: number }) {}

  static async open(target: { host: string; port: number }): Promise<TcpProxy> {
    const p = new TcpProxy(await freePort(), target);
    await p.accept();
    return p;
  }

  async accept(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connectTcp(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => { client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.#server = server;
  }

  async refuse(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    const closed = new Promise((r) => server.close(r));
    for (const s of this.#sockets) s.destroy();
    await closed;
  }
}

/** The number of events a deployment's store holds (0 while its schema does not exist or the store is away). */
export async function storedEvents(pool: pg.Pool, name: string): Promise<number> {
  const r = await pool.query(`SELECT count(*) AS n FROM ${name}.events`).catch(() => ({ rows: [{ n: 0 }] }));
  return Number(r.rows[0].n);
}

/** A copy of an event file with `"source":"default"` on every event, so that events sent over HTTP are stored byte for byte as in the file. */
export function withSource(from: string, to: string): number {
  const lines = readFileSync(from, 'utf8').split('\n').filter(Boolean).map((l) => l.replace(/^\{/, '{"source":"default",'));
  writeFileSync(to, `${lines.join('\n')}\n`);
  return lines.length;
}
