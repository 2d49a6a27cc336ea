// Analysts' policy in a running server: the versioned rule set and the block and allow lists,
// stored through the RuleStore and ListStore ports and put in force in the engine without a
// restart. A change is compiled and checked first, then saved (one new version, audited), and
// only then swapped in: a change that fails anywhere changes nothing. Each version is saved with
// the position of the stream of applied events from which it is in force, so that a restarted
// engine re-applies the events after its snapshot under the versions they were decided with.
// A server opens it in two steps: `load` before the engine (whose open re-applies events along
// `timeline()`), then `attach` the engine.
import type { ListStore, RuleChange, RuleStore, StoredRuleSet } from '../core/index.js';
import {
  ListHasher, ListIndex, ListValueError, RuleSet, RuleTimeline, RulesError, addressValue, checkSpec, checkValue, contactValue, isHashedKind, isListName,
  kindOf, normalise, parseRuleFile, type ListEntry, type ListName, type RuleCounters, type RuleProblem, type RuleSpec,
} from '../rules/index.js';
import type { Address } from '../contract/index.js';
import type { Engine } from './engine.js';

/** What a client sends to add a list entry. */
export interface ListEntryInput {
  value: string | Address;
  /** RFC 3339: the event time from which the entry stops matching. */
  expires?: string;
  note?: string;
}

/** How one rule has done since its version was put in force. */
export interface RuleStats extends RuleCounters {
  wouldChange: Record<string, number>;
}

/** A request the policy refuses; `code` picks the HTTP answer. */
export class PolicyError extends Error {
  constructor(readonly code: 'ERR_POLICY_NOT_FOUND' | 'ERR_POLICY_BAD_REQUEST', message: string) { super(message); }
}

export class Policy {
  #engine: Engine | undefined;
  readonly #store: RuleStore & ListStore;
  readonly #hasher: ListHasher | undefined;
  #current: StoredRuleSet = { version: 0, at: '', by: '', rules: [] };
  #set: RuleSet | undefined;
  #lists: ListIndex;
  /** The stored versions before the current one, for `timeline()`; dropped once it is built. */
  #earlier: StoredRuleSet[] = [];

  private constructor(store: RuleStore & ListStore, hasher: ListHasher | undefined) {
    this.#store = store;
    this.#hasher = hasher;
    this.#lists = new ListIndex([], hasher);
  }

  /** Loads the stored lists and rule versions; the current version is compiled (and checked) now. */
  static async load(opts: { store: RuleStore & ListStore; hashKey?: string }): Promise<Policy> {
    const p = new Policy(opts.store, opts.hashKey ? new ListHasher(opts.hashKey) : undefined);
    p.#lists = new ListIndex(await opts.store.listEntries() as ListEntry[], p.#hasher);
    const versions = await opts.store.ruleVersions();
    const stored = versions.pop();
    if (stored) { p.#current = stored; p.#set = p.#compile(stored.rules as unknown as RuleSpec[], stored.version); }
    p.#earlier = versions;
    return p;
  }

  /**
   * The stored versions, each in force from its stored position, for Engine.open: an earlier
   * version is compiled only if an event re-applied at the restart falls within it. Versions
   * saved without a position count as in force from the start.
   */
  timeline(): RuleTimeline {
    const t = new RuleTimeline();
    let at = 0;
    for (const v of this.#earlier) {
      at = Math.max(at, v.position ?? 0);
      t.add(at, () => this.#compile(v.rules as unknown as RuleSpec[], v.version));
    }
    if (this.#current.version > 0) t.add(Math.max(at, this.#current.position ?? 0), this.#set);
    this.#earlier = [];
    return t;
  }

  /**
   * Puts the engine under this policy: later changes take effect at its position. With
   * `rulesFile` (serve --rules), a file whose rules differ from the stored ones is saved as a new
   * version by `cli:<file>`, in force from the engine's next event.
   */
  async attach(engine: Engine, rulesFile?: { path: string; text: string }): Promise<void> {
    this.#engine = engine;
    if (!rulesFile) return;
    const { specs, sources, problems } = parseRuleFile(rulesFile.text, rulesFile.path);
    RuleSet.compile(specs, { label: rulesFile.path, sources, problems });
    if (JSON.stringify(specs) !== JSON.stringify(this.#current.rules)) {
      await this.#save(specs, { action: 'replace', by: `cli:${rulesFile.path}`, before: this.#current.rules, after: specs });
    }
  }

  /**
   * Loads the stored rules and lists and puts the current version in force from the engine's next
   * event (an engine opened without `timeline()`); then as `attach`.
   */
  static async open(opts: { engine: Engine; store: RuleStore & ListStore; hashKey?: string; rulesFile?: { path: string; text: string } }): Promise<Policy> {
    const p = await Policy.load(opts);
    p.#earlier = [];
    opts.engine.setRules(p.#set);
    await p.attach(opts.engine, opts.rulesFile);
    return p;
  }

  /** The lists in force. */
  get listIndex(): ListIndex {
    return this.#lists;
  }

  /** The set in force. */
  get current(): StoredRuleSet {
    return this.#current;
  }

  /** One rule with how it has done since the server started. */
  rule(id: string): { rule: RuleSpec; stats: RuleStats } {
    const rule = (this.#current.rules as unknown as RuleSpec[]).find((r) => r.id === id);
    if (!rule) throw new PolicyError('ERR_POLICY_NOT_FOUND', `no rule ${JSON.stringify(id)} in version ${this.#current.version}; list them with GET /v1/rules`);
    return { rule, stats: this.#stats(id) };
  }

  /** Every rule's stats, by id. */
  stats(): Map<string, RuleStats> {
    return new Map((this.#current.rules as unknown as RuleSpec[]).map((r) => [r.id, this.#stats(r.id)]));
  }

  /** Replaces the whole set with a rule file's text (YAML or JSON). */
  async replace(text: string, by: string): Promise<StoredRuleSet> {
    const { specs, sources, problems } = parseRuleFile(text, 'the request body');
    return this.#save(specs, { action: 'replace', by, before: this.#current.rules, after: specs }, { sources, problems });
  }

  /**
   * Checks a rule file's text exactly as replace() compiles it, saving nothing: every problem
   * (rule id, field, line, column, hint), or none. The console checks an edit as it is typed.
   */
  check(text: string): readonly RuleProblem[] {
    try {
      const { specs, sources, problems } = parseRuleFile(text, 'the rule set');
      this.#compile(specs, this.#current.version + 1, { sources, problems });
      return [];
    } catch (err) {
      if (err instanceof RulesError) return err.problems;
      throw err;
    }
  }

  /** Creates or replaces one rule. */
  async put(id: string, body: Record<string, unknown>, by: string): Promise<StoredRuleSet> {
    if (body.id !== undefined && body.id !== id) {
      throw new PolicyError('ERR_POLICY_BAD_REQUEST', `the body's id ${JSON.stringify(body.id)} differs from the path's ${JSON.stringify(id)}; leave it out or make them equal`);
    }
    const problems: RuleProblem[] = [];
    const spec = checkSpec({ ...body, id }, (field, message) => problems.push({ path: field, ruleId: id, message }));
    if (!spec) throw new RulesError(problems, 'the request body');
    const rules = this.#current.rules as unknown as RuleSpec[];
    const before = rules.find((r) => r.id === id) ?? null;
    const next = before ? rules.map((r) => (r.id === id ? spec : r)) : [...rules, spec];
    return this.#save(next, { action: 'put', by, rule_id: id, before, after: spec });
  }

  async remove(id: string, by: string): Promise<StoredRuleSet> {
    const { rule } = this.rule(id);
    const next = (this.#current.rules as unknown as RuleSpec[]).filter((r) => r.id !== id);
    return this.#save(next, { action: 'delete', by, rule_id: id, before: rule, after: null });
  }

  history(q: { limit: number; before?: number }): Promise<RuleChange[]> {
    return this.#store.ruleChanges(q);
  }

  /** List entries, of one list or all, with the count of hashed entries no longer readable with this key. */
  async entries(list?: string): Promise<{ items: ListEntry[]; stale: number }> {
    if (list !== undefined) this.#checkList(list);
    const all = await this.#store.listEntries() as ListEntry[];
    return { items: list === undefined ? all : all.filter((e) => e.list === list), stale: this.#lists.staleEntries };
  }

  /** Adds (or replaces) an entry; answers it as stored, personal data hashed. */
  async add(list: string, input: ListEntryInput, by: string): Promise<ListEntry> {
    const entry = this.toEntry(list, input, { by, at: new Date().toISOString() });
    await this.#store.putListEntry(entry);
    await this.#reloadLists();
    return entry;
  }

  /** Removes an entry given its raw value (or, for hashed lists, its stored hash). */
  async removeEntry(list: string, raw: string, by: string): Promise<void> {
    const name = this.#checkList(list);
    const kind = kindOf(name);
    const candidates = new Set<string>([raw]);
    try { candidates.add(this.toEntry(name, { value: raw }, { by, at: '' }).value); } catch { /* not a raw value: maybe the hash */ }
    for (const v of candidates) {
      if (await this.#store.removeListEntry(name, v, by, new Date().toISOString())) { await this.#reloadLists(); return; }
    }
    throw new PolicyError('ERR_POLICY_NOT_FOUND', `no entry ${isHashedKind(kind) ? 'for that value ' : JSON.stringify(raw)} in ${name}; list it with GET /v1/lists/${name}`);
  }

  /** Normalises, checks and (for personal data) hashes a value for a list. */
  toEntry(list: string, input: ListEntryInput, who: { by: string; at: string }): ListEntry {
    return makeListEntry(list, input, { ...who, hasher: this.#hasher });
  }

  #stats(id: string): RuleStats {
    const c = this.#set?.counters.get(id) ?? { hits: 0, errors: 0 };
    return { ...c, wouldChange: Object.fromEntries(Object.entries(c.wouldChange ?? {}).sort()) };
  }

  #checkList(list: string): ListName {
    return checkList(list);
  }

  #compile(specs: readonly RuleSpec[], version: number, where?: Pick<Parameters<typeof RuleSet.compile>[1], 'sources' | 'problems'>): RuleSet {
    const set = RuleSet.compile(specs, { label: `rules v${version}`, ...where });
    set.useLists(this.#lists);
    return set;
  }

  /**
   * Saves a new version in force from the engine's next event. The server calls the changes
   * between ingest requests (the ingest queue's `exclusive`), so that no event is applied between
   * reading the position and putting the version in force.
   */
  async #save(specs: RuleSpec[], change: Omit<RuleChange, 'version' | 'at'>, where?: Pick<Parameters<typeof RuleSet.compile>[1], 'sources' | 'problems'>): Promise<StoredRuleSet> {
    const version = this.#current.version + 1;
    const set = this.#compile(specs, version, where);
    const position = this.#engine?.position;
    const saved = await this.#store.saveRules({ ...change, at: new Date().toISOString(), expectedVersion: this.#current.version,
      rules: specs as unknown as Array<Record<string, unknown>>, ...(position === undefined ? {} : { position }) });
    this.#current = saved;
    this.#set = set;
    this.#engine?.setRules(set);
    return saved;
  }

  async #reloadLists(): Promise<void> {
    this.#lists = new ListIndex(await this.#store.listEntries() as ListEntry[], this.#hasher);
    this.#set?.useLists(this.#lists);
  }
}

function checkList(list: string): ListName {
  if (!isListName(list)) throw new PolicyError('ERR_POLICY_NOT_FOUND', `no list ${JSON.stringify(list)}; the lists are blocked_ and allowed_ accounts, devices, ips, phones, addresses, payments and contacts`);
  return list;
}

/** A list entry from what a client sends: normalised, checked and, for personal data, hashed with `hasher`. */
export function makeListEntry(list: string, input: ListEntryInput, who: { by: string; at: string; hasher: ListHasher | undefined }): ListEntry {
  const name = checkList(list);
  const kind = kindOf(name);
  let value: string;
  if (kind === 'addresses') value = addressValue(input.value);
  else if (typeof input.value !== 'string') throw new ListValueError('ERR_LISTS_VALUE', `a ${kind} entry's value must be a string`);
  else value = kind === 'contacts' ? contactValue(input.value) : normalise(kind, input.value);
  const { range } = checkValue(kind, value);
  const hashed = isHashedKind(kind) && !range;
  const hasher = who.hasher;
  if (hashed && !hasher) {
    throw new ListValueError('ERR_LISTS_NO_KEY', `${name} keeps only keyed hashes, and there is no key: set BULWARK_LIST_KEY ` +
      '(32 characters or more, kept apart from the database) (docs/lists.md)');
  }
  const entry: ListEntry = { list: name, value: hashed ? hasher!.hash(kind, value) : value, hashed, addedAt: who.at, addedBy: who.by };
  if (hashed) entry.keyId = hasher!.keyId;
  if (input.expires !== undefined) {
    const at = Date.parse(input.expires);
    if (!/^\d{4}-\d\d-\d\dT/.test(input.expires) || Number.isNaN(at)) {
      throw new ListValueError('ERR_LISTS_VALUE', `expires must be an RFC 3339 time such as 2026-12-01T00:00:00.000Z, received ${JSON.stringify(input.expires)}`);
    }
    entry.expiresAt = at;
  }
  if (input.note !== undefined) entry.note = input.note;
  return entry;
}
