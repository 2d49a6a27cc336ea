// The SQLite schema, as an ordered list of migrations. A migration is never edited once
// released; a change is a new entry at the end.

export const migrations: readonly string[] = [
  `CREATE TABLE events (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     type TEXT NOT NULL,
     time TEXT NOT NULL,
     source TEXT NOT NULL,
     late INTEGER NOT NULL,
     body TEXT NOT NULL
   );
   CREATE TABLE decisions (
     seq INTEGER PRIMARY KEY,
     event_id TEXT NOT NULL UNIQUE,
     decision TEXT NOT NULL,
     score REAL NOT NULL,
     body TEXT NOT NULL
   );
   CREATE TABLE alerts (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     time TEXT NOT NULL,
     updated TEXT NOT NULL,
     severity TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX alerts_by_time ON alerts (time DESC, id DESC);
   CREATE INDEX alerts_by_kind_time ON alerts (kind, time DESC, id DESC);
   CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL,
     shop TEXT,
     source TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,
  // Shop warnings: one row per (shop, warning id), replaced as an alert behind it grows; a shop's
  // list reads the index newest first.
  `CREATE TABLE warnings (
     shop TEXT NOT NULL,
     id TEXT NOT NULL,
     time TEXT NOT NULL,
     kind TEXT NOT NULL,
     body TEXT NOT NULL,
     PRIMARY KEY (shop, id)
   );
   CREATE INDEX warnings_by_shop_time ON warnings (shop, time DESC, id DESC);`,
  // Tenants: an alert's `source` and a warning's `tenant` are read from the stored JSON (absent
  // means the default tenant), so the batch writer stays as it is and older rows need no rewrite.
  `ALTER TABLE alerts ADD COLUMN source TEXT GENERATED ALWAYS AS (coalesce(json_extract(body, '$.source'), 'default')) VIRTUAL;
   CREATE INDEX alerts_by_source_time ON alerts (source, time DESC, id DESC);
   ALTER TABLE warnings ADD COLUMN tenant TEXT GENERATED ALWAYS AS (coalesce(json_extract(body, '$.tenant'), 'default')) VIRTUAL;`,
  // Keys are revoked, never deleted, so that the request log's key ids stay explained; an admin
  // lists a tenant's keys newest first.
  `ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
   CREATE INDEX api_keys_by_source ON api_keys (source, created_at DESC, id DESC);`,
];
