// POST /v1/rules/check: a candidate rule set (YAML or JSON) compiled exactly as PUT /v1/rules
// would compile it, saving nothing. The console calls it as an analyst types, so the answer is
// 200 either way: `valid`, and every problem with its rule id, field, line, column and hint.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBodySchema } from '../errors.js';

export interface RulesCheckRouteOptions {
  /** Every problem of the rule set, none when it would be accepted; app's Policy.check is one. */
  check(text: string): ReadonlyArray<{ path: string; ruleId?: string; line?: number; column?: number; message: string }>;
}

const Problem = Type.Object({
  path: Type.String({ description: 'where: rules[3].when, rules[0].decision, (file)' }),
  rule_id: Type.Optional(Type.String()), line: Type.Optional(Type.Integer()), column: Type.Optional(Type.Integer()),
  message: Type.String({ description: 'what is wrong and what to write instead' }),
});

export const rulesCheckRoutes: FastifyPluginAsyncTypebox<RulesCheckRouteOptions> = async (app, { check }) => {
  // A rule file is YAML; JSON is YAML too, so both are read as text by the rule-file parser.
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string', bodyLimit: 1 << 20 }, (_r, body, done) => done(null, body));
  app.post('/v1/rules/check', {
    config: { auth: ['analyst', 'admin'] },
    schema: {
      summary: 'Check a whole rule set (YAML, or the same as JSON) as PUT /v1/rules would, saving nothing',
      body: Type.Union([Type.String(), Type.Object({ rules: Type.Array(Type.Object({}, { additionalProperties: true })) })]),
      response: {
        200: {
          ...Type.Object({ valid: Type.Boolean(), problems: Type.Array(Problem) }),
          examples: [{ valid: false, problems: [{ path: 'rules[0].when', rule_id: 'big_refund', line: 4, column: 31, message: 'unknown feature account.agedays; did you mean account.ageDays?' }] }],
        },
        '4xx': ErrorBodySchema, '5xx': ErrorBodySchema,
      },
    },
  }, async (request) => {
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const problems = check(text).map((p) => ({
      path: p.path, message: p.message, ...(p.ruleId !== undefined ? { rule_id: p.ruleId } : {}),
      ...(p.line !== undefined ? { line: p.line } : {}), ...(p.column !== undefined ? { column: p.column } : {}),
    }));
    return { valid: problems.length === 0, problems };
  });
};
