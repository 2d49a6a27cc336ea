// Lint: TypeScript rules plus the layer rules of the style guide. Each layer lists what it may
// import; the message of a violation names the allowed layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LAYERS = ['contract', 'core', 'detectors', 'rules', 'text', 'cases', 'alliance', 'store', 'stream', 'shared', 'http', 'sim', 'config', 'app', 'cli'];

/** What each folder of src/ may import from the others (besides itself). */
const ALLOWED = {
  contract: [],
  core: ['contract'],
  detectors: ['core', 'contract', 'text'],
  rules: ['core', 'contract', 'text'],
  text: ['contract'],
  cases: ['core', 'contract'],
  // The alliance reads events' values through src/text (handles, doors) and serves the core's SharedSignals port.
  alliance: ['core', 'contract', 'text'],
  // Stores implement the case desk's port (CaseStore) and the alliance's (SignalStore) beside the core's.
  store: ['core', 'contract', 'cases', 'alliance'],
  stream: ['core', 'contract'],
  shared: ['core', 'contract'],
  http: ['core', 'contract', 'store', 'config', 'cases', 'alliance'],
  sim: ['core', 'contract', 'text'],
  config: ['core', 'contract', 'detectors', 'rules', 'cases', 'alliance'],
  app: LAYERS.filter((l) => l !== 'cli' && l !== 'app'),
  cli: ['app', 'config', 'contract'],
};

const layerRules = Object.entries(ALLOWED).map(([layer, allowed]) => ({
  files: [`src/${layer}/**/*.ts`],
  ignores: ['src/**/*.test.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: LAYERS.filter((l) => l !== layer && !allowed.includes(l)).map((l) => ({
        group: [`../${l}/*`, `../../${l}/*`, `../../../${l}/*`, `../${l}`, `../../${l}`],
        message: `src/${layer} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'nothing else of Bulwark'} ` +
          `(see STYLE.md, Layout); move the shared piece inward or wire it in src/app.`,
        // The HTTP layer receives the engine from app/ and may name its type.
        ...(layer === 'http' && l === 'app' ? { allowTypeImports: true } : {}),
      })),
    }],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'console/dist/**', 'bench/data/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'no randomness: replay must be a pure function of its input (use a seeded PRNG in the simulator)' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/detectors/**/*.ts', 'src/rules/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'no wall clock in the core: use the event time (ctx.at)' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'no wall clock in the core: use the event time (ctx.at)' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'no randomness in the core: replay must be a pure function of its input' },
        { selector: "MemberExpression[object.name='process']", message: 'the core reads no process state: configuration comes in through src/config' },
      ],
    },
  },
  ...layerRules,
);
