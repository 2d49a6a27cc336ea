// The rule set as YAML for the editor. Rules are flat records (strings, numbers, booleans and lists
// of strings), so a small writer is enough: a string is written bare when YAML reads it back as the
// same string, and JSON-quoted otherwise (a JSON string is a valid YAML double-quoted scalar).
const BARE = /^[A-Za-z_][A-Za-z0-9_.\-/ ]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~)$/i;

function scalar(v: unknown): string {
  if (typeof v === 'string') return BARE.test(v) && !RESERVED.test(v) && v === v.trim() ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(scalar).join(', ')}]`;
  return JSON.stringify(v);
}

/** `rules:` and one item per rule, its keys in the order written. */
export function rulesToYaml(rules: ReadonlyArray<Record<string, unknown>>): string {
  if (rules.length === 0) return 'rules: []\n';
  const lines = ['rules:'];
  for (const rule of rules) {
    Object.entries(rule).filter(([, v]) => v !== undefined).forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${scalar(v)}`));
  }
  return `${lines.join('\n')}\n`;
}
