// Wires the case desk: over the store's CaseStore and the engine's live state, kept in step with
// the alerts after every committed ingest request, caught up at start (alerts committed by a
// replay, or before a crash), with the webhook sender running beside it.
//
// Cases are a projection in the adapter layer, not pipeline state: they are derived from
// committed alerts and complaint events (deterministically: one case per alert, its id derived
// from the alert's), while what people do to them (assign, resolve, appeal) happens in wall-clock
// time and is kept, with its audit log, only in the case store. Replay outputs are untouched.
import type { Alert, BulwarkEvent } from '../contract/index.js';
import type { Cluster, ProcessOutcome, Store } from '../core/index.js';
import { CaseDesk, WebhookSender, type CaseStore } from '../cases/index.js';
import type { Config } from '../config/index.js';
import { ConfigError } from '../config/index.js';
import type { Engine } from './engine.js';

/** The engine as the HTTP server drives it, with the desk synced after each commit. */
export interface SyncedEngine {
  process(event: BulwarkEvent, raw?: string): ProcessOutcome;
  flush(): Promise<void>;
  /** Group commit (Engine.commit): the desk is synced with a commit's alerts once it is durable. */
  commit(): { handed: Promise<void>; durable: Promise<void> };
  alerts(): readonly Alert[];
  links(accountId: string, source?: string): Cluster | undefined;
}

export interface CaseDeskHandle {
  desk: CaseDesk;
  /** Pass this to the server instead of the engine: its flush also brings the cases up to date. */
  engine: SyncedEngine;
  sender: WebhookSender;
  close(): Promise<void>;
}

/** Opens the desk on `store`, catches it up with every stored alert and complaint, and starts the webhook sender. */
export async function openCaseDesk(opts: { config: Readonly<Config>; engine: Engine; store: Store & { cases: CaseStore }; now?: () => Date }):
  Promise<CaseDeskHandle> {
  const { config, engine, store } = opts;
  const hooks = config.cases.webhooks;
  if (hooks.url && !hooks.secret) {
    throw new ConfigError('ERR_CONFIG_WEBHOOK_SECRET', 'cases.webhooks.url is set but cases.webhooks.secret is empty; ' +
      'set the secret the platform verifies signatures with, or leave url empty to send no webhooks');
  }
  if (hooks.url && !/^https?:\/\//.test(hooks.url)) {
    throw new ConfigError('ERR_CONFIG_WEBHOOK_URL', `cases.webhooks.url must be an http(s) URL, received ${JSON.stringify(hooks.url)}`);
  }
  const sender = new WebhookSender({ store: store.cases, config: hooks });
  const desk = new CaseDesk({
    store: store.cases, config: config.cases, harmKinds: config.warnings.alertKinds,
    entities: () => engine.entities, alert: (id) => store.getAlert(id), ...(opts.now ? { now: opts.now } : {}),
    onEnqueued: () => { void sender.kick(); },
  });
  await desk.sync(await store.allAlerts());
  sender.start();
  let changed = new Map<string, Alert>();
  /** A complaint was applied since the last commit was handed over: the desk has one to read. */
  let complaints = false;
  const synced: SyncedEngine = {
    process(event, raw) {
      const out = engine.process(event, raw);
      if (out.status === 'accepted') {
        for (const a of out.alerts) changed.set(a.id, a);
        if (event.type === 'complaint.filed') complaints = true;
      }
      return out;
    },
    async flush() {
      await engine.flush();
      const alerts = [...changed.values()];
      changed = new Map();
      complaints = false;
      await desk.sync(alerts);
    },
    commit() {
      // Alerts of events applied from here on belong to a later commit, synced after it.
      const alerts = [...changed.values()];
      const sync = alerts.length > 0 || complaints;
      changed = new Map();
      complaints = false;
      const c = engine.commit();
      // A commit with no alert and no complaint has nothing for the desk; most commits under
      // load are such, and a sync reads the store. The next sync reads the complaints from where
      // the last one stopped, so none is missed.
      return { handed: c.handed, durable: sync ? c.durable.then(() => desk.sync(alerts)) : c.durable };
    },
    alerts: () => engine.alerts(),
    links: (id, source) => engine.links(id, source),
  };
  return { desk, engine: synced, sender, close: () => sender.close() };
}
