// /v1/rules (docs/rules.md, "Over HTTP"): the analysts' rule set, versioned and audited. PUT of the
// whole set (YAML or JSON) or of one rule, DELETE of one rule: each change is one new version,
// compiled first and in force from the next event, or refused whole. Shadow rules report here
// what they would have changed, and in /metrics.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Gauge, type Registry } from 'prom-client';
import type { Policy } from '../../app/policy.js';
import { ErrorBodySchema } from '../errors.js';
import { policyError } from './policy-errors.js';

export interface RulesRouteOptions {
  policy: Policy;
  /** The server's metrics registry: rule hits and shadow changes are added to it. */
  registry: Registry;
  /**
   * Runs a change between ingest requests (the ingest queue), so that the position a version is
   * saved with is the one it takes effect at; without it, changes run at once.
   */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
}

const RuleDoc = Type.Object({}, { additionalProperties: true, description: 'a rule as written: id, description, when, decision, override, score, actions, mode, code' });
const Stats = Type.Object({
  hits: Type.Integer({ description: 'events it matched since this version was put in force' }),
  errors: Type.Integer({ description: 'evaluations that failed (e.g. a field the event lacks); the rule did not match those' }),
  lastError: Type.Optional(Type.String()),
  wouldChange: Type.Record(Type.String(), Type.Integer(), { description: 'shadow rules: decisions they would have changed, by "from>to"' }),
});
const RuleSetBody = Type.Object({
  version: Type.Integer({ description: '0 before any rule was saved' }),
  at: Type.String(), by: Type.String({ description: 'the id of the key (or cli:FILE) that saved this version' }),
  rules: Type.Array(Type.Object({ rule: RuleDoc, stats: Stats })),
});
const Change = Type.Object({
  version: Type.Integer(), at: Type.String(), by: Type.String(),
  action: Type.Union([Type.Literal('replace'), Type.Literal('put'), Type.Literal('delete')]),
  rule_id: Type.Optional(Type.String()),
  before: Type.Unknown(), after: Type.Unknown(),
});
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ROLES = ['analyst', 'admin'] as const;
const ERRORS = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema };

export const rulesRoutes: FastifyPluginAsyncTypebox<RulesRouteOptions> = async (app, { policy, registry, exclusive = (task) => task() }) => {
  // A rule file is YAML; JSON is YAML too, so both are read as text by the rule-file parser.
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string', bodyLimit: 1 << 20 }, (_r, body, done) => done(null, body));
  registerMetrics(policy, registry);

  const whole = () => {
    const c = policy.current;
    const stats = policy.stats();
    return { version: c.version, at: c.at, by: c.by, rules: c.rules.map((rule) => ({ rule, stats: stats.get(String(rule.id))! })) };
  };

  app.get('/v1/rules', {
    config: { auth: ROLES },
    schema: { summary: 'The rule set in force, with each rule\'s hits, errors and (shadow rules) what it would have changed', response: { 200: RuleSetBody, ...ERRORS } },
  }, async () => whole());

  app.put('/v1/rules', {
    config: { auth: ROLES },
    schema: {
      summary: 'Replace the whole rule set (a rule file as YAML, or the same as JSON); a new version, or nothing if any rule is bad',
      body: Type.Union([Type.String(), Type.Object({ rules: Type.Array(RuleDoc) })]),
      response: { 200: RuleSetBody, ...ERRORS },
    },
  }, async (request) => {
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    await policyError(() => exclusive(() => policy.replace(text, request.apiKey!.id)));
    return whole();
  });

  app.get('/v1/rules/versions', {
    config: { auth: ROLES },
    schema: {
      summary: 'The audit trail: one record per version, newest first (who, when, what before and after)',
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), before: Type.Optional(Type.Integer({ minimum: 1, description: 'versions older than this' })) }),
      response: { 200: Type.Object({ items: Type.Array(Change), next_cursor: Type.Union([Type.String(), Type.Null()]) }), ...ERRORS },
    },
  }, async (request) => {
    const { limit, before } = request.query;
    const items = await policy.history({ limit, ...(before !== undefined ? { before } : {}) });
    const last = items[items.length - 1];
    return { items, next_cursor: items.length === limit && last && last.version > 1 ? String(last.version) : null };
  });

  app.get('/v1/rules/:id', {
    config: { auth: ROLES },
    schema: { summary: 'One rule and how it has done', params: IdParams, response: { 200: Type.Object({ version: Type.Integer(), rule: RuleDoc, stats: Stats }), ...ERRORS } },
  }, async (request) => {
    const r = await policyError(async () => policy.rule(request.params.id));
    return { version: policy.current.version, ...r };
  });

  app.put('/v1/rules/:id', {
    config: { auth: ROLES },
    schema: { summary: 'Create or replace one rule (JSON); a new version', params: IdParams, body: RuleDoc,
      response: { 200: Type.Object({ version: Type.Integer(), rule: RuleDoc }), ...ERRORS } },
  }, async (request) => {
    const saved = await policyError(() => exclusive(() => policy.put(request.params.id, request.body as Record<string, unknown>, request.apiKey!.id)));
    return { version: saved.version, rule: policy.rule(request.params.id).rule };
  });

  app.delete('/v1/rules/:id', {
    config: { auth: ROLES },
    schema: { summary: 'Delete one rule; a new version', params: IdParams, response: { 200: Type.Object({ version: Type.Integer() }), ...ERRORS } },
  }, async (request) => {
    const saved = await policyError(() => exclusive(() => policy.remove(request.params.id, request.apiKey!.id)));
    return { version: saved.version };
  });
};

function registerMetrics(policy: Policy, registry: Registry): void {
  // Gauges read at each scrape: the counts live with the rule set in force and restart with a new version.
  if (registry.getSingleMetric('bulwark_rule_hits')) return;
  new Gauge({ name: 'bulwark_rule_hits', help: 'Events each rule matched since its version was put in force, by rule and mode',
    labelNames: ['rule', 'mode'], registers: [registry],
    collect() {
      this.reset();
      const stats = policy.stats();
      for (const r of policy.current.rules) this.set({ rule: String(r.id), mode: r.mode === 'shadow' ? 'shadow' : 'active' }, stats.get(String(r.id))?.hits ?? 0);
    } });
  new Gauge({ name: 'bulwark_rule_shadow_changes', help: 'Decisions a shadow rule would have changed, by rule and from/to decision',
    labelNames: ['rule', 'from', 'to'], registers: [registry],
    collect() {
      this.reset();
      for (const [rule, s] of policy.stats()) {
        for (const [k, n] of Object.entries(s.wouldChange)) { const [from, to] = k.split('>'); this.set({ rule, from: from!, to: to! }, n); }
      }
    } });
  new Gauge({ name: 'bulwark_rule_version', help: 'The version of the rule set in force', registers: [registry],
    collect() { this.set(policy.current.version); } });
}
