-- Schema version 3: settings the shop edits that belong with its data, such as the
-- compensation policy (cd-policy.c), as JSON values under a key.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
