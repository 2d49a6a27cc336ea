// The storage ports of analysts' policy: versioned rule sets with their audit trail, and block and
// allow list entries. Separate from Store so that a store implements them when it can (SQLite now,
// PostgreSQL later) and the pipeline's port stays small. Values are plain JSON: the core does not
// know the rule language, only that a rule set is a list of rule documents.

/** One version of the rule set in force. */
export interface StoredRuleSet {
  /** 1 for the first set saved, then one more per change. */
  version: number;
  /** Wall-clock time of the change, RFC 3339. */
  at: string;
  /** The id of the API key (or `cli:<file>`) that made it. */
  by: string;
  /** The rule documents, in order. */
  rules: Array<Record<string, unknown>>;
  /**
   * The position in the stream of applied events from which this version is in force: the number
   * of events applied when it was saved. Absent on versions saved before positions were kept
   * (and on versions saved with no engine), which count as in force from the start.
   */
  position?: number;
}

/** What one version changed: the audit record. */
export interface RuleChange {
  version: number;
  at: string;
  by: string;
  action: 'replace' | 'put' | 'delete';
  /** The rule a `put` or `delete` concerns. */
  rule_id?: string;
  /** The rule before and after (`put`, `delete`), or the whole set before and after (`replace`); null where there was none. */
  before: unknown;
  after: unknown;
}

/** Versioned rule sets. */
export interface RuleStore {
  currentRules(): Promise<StoredRuleSet | undefined>;
  /**
   * Saves `rules` as version `expectedVersion + 1` with its audit record, atomically. Throws a
   * StoreError with code ERR_STORE_CONFLICT when another version was saved since `expectedVersion`.
   */
  saveRules(change: Omit<RuleChange, 'version'> & { expectedVersion: number; rules: Array<Record<string, unknown>>; position?: number }): Promise<StoredRuleSet>;
  /** Every version, oldest first, with its rules and position: a restarted server re-applies events under the version of each. */
  ruleVersions(): Promise<StoredRuleSet[]>;
  /** Audit records, newest first, at most `limit`, older than version `before` when given. */
  ruleChanges(q: { limit: number; before?: number }): Promise<RuleChange[]>;
}

/** A block or allow list entry as stored (src/rules/lists.ts says how values are normalised and hashed). */
export interface StoredListEntry {
  list: string;
  /** The normalised value, or its keyed hash when `hashed`. */
  value: string;
  hashed: boolean;
  /** Event time (epoch ms) from which it no longer matches. */
  expiresAt?: number;
  note?: string;
  /** The id of the hash key that made `value` (hashed entries). */
  keyId?: string;
  addedAt: string;
  addedBy: string;
}

/** Block and allow list entries. */
export interface ListStore {
  listEntries(): Promise<StoredListEntry[]>;
  /** Adds or replaces the entry with the same list and value; records who and when. */
  putListEntry(entry: StoredListEntry): Promise<void>;
  /** Removes an entry; answers false when there was none. */
  removeListEntry(list: string, value: string, by: string, at: string): Promise<boolean>;
}

/** Stored events in the order they were applied, read in slices (for backtests over history). */
export interface EventHistory {
  openEvents(): EventCursor;
}

export interface EventCursor {
  /** Events stored when the cursor opened. */
  readonly total: number;
  /** Up to `max` more events' JSON texts; an empty list at the end. */
  next(max: number): Promise<string[]>;
  close(): void;
}
