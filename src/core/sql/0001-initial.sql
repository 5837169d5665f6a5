-- Schema version 1: cases with their compensations, follow-ups and timeline,
-- the blacklist, message templates and the shop's settings.
-- Times are UTC instants in microseconds since the Unix epoch; money is in minor units.

CREATE TABLE shop (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  name     TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT 'CNY'
);
INSERT INTO shop (id) VALUES (1);

CREATE TABLE cases (
  id                INTEGER PRIMARY KEY,
  uid               TEXT NOT NULL UNIQUE,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  customer_name     TEXT NOT NULL DEFAULT '',
  platform          TEXT NOT NULL DEFAULT 'other',
  buyer_id          TEXT NOT NULL DEFAULT '',
  phone             TEXT NOT NULL DEFAULT '',
  email             TEXT NOT NULL DEFAULT '',
  order_number      TEXT NOT NULL DEFAULT '',
  product           TEXT NOT NULL DEFAULT '',
  order_amount      INTEGER NOT NULL DEFAULT 0 CHECK (order_amount >= 0),
  channel           TEXT NOT NULL DEFAULT 'platform_chat',
  category          TEXT NOT NULL DEFAULT 'other',
  severity          TEXT NOT NULL DEFAULT 'medium',
  responsibility    TEXT NOT NULL DEFAULT 'undetermined',
  stage             TEXT NOT NULL DEFAULT 'listen',
  description       TEXT NOT NULL DEFAULT '',
  summary           TEXT NOT NULL DEFAULT '',
  summary_confirmed INTEGER NOT NULL DEFAULT 0,
  customer_wants    TEXT NOT NULL DEFAULT '',
  promise           TEXT NOT NULL DEFAULT '',
  promised_by       INTEGER,
  root_cause        TEXT NOT NULL DEFAULT '',
  improvement       TEXT NOT NULL DEFAULT '',
  language          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_stage ON cases (stage);
CREATE INDEX cases_promised_by ON cases (promised_by) WHERE promised_by IS NOT NULL;
CREATE INDEX cases_created_at ON cases (created_at);

CREATE TABLE compensations (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  status      TEXT NOT NULL,
  amount      INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  cost        INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
  reference   TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  done_at     INTEGER
);
CREATE INDEX compensations_case ON compensations (case_id);

CREATE TABLE followups (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  due_at       INTEGER NOT NULL,
  method       TEXT NOT NULL DEFAULT 'platform_chat',
  done_at      INTEGER,
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  remarks      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX followups_case ON followups (case_id);
CREATE INDEX followups_due ON followups (due_at) WHERE done_at IS NULL;

CREATE TABLE events (
  id      INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at      INTEGER NOT NULL,
  kind    TEXT NOT NULL,
  text    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_case ON events (case_id);

CREATE TABLE blacklist (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  platform     TEXT NOT NULL DEFAULT 'other',
  buyer_id     TEXT NOT NULL DEFAULT '',
  nickname     TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  name         TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL DEFAULT 'other',
  evidence     TEXT NOT NULL DEFAULT '',
  added_at     INTEGER NOT NULL,
  active       INTEGER NOT NULL DEFAULT 1,
  -- normalised look-up keys (see cd-blacklist-matcher.c); '' when the field is empty
  buyer_id_key TEXT NOT NULL DEFAULT '',
  nickname_key TEXT NOT NULL DEFAULT '',
  phone_key    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX blacklist_buyer_id_key ON blacklist (buyer_id_key);
CREATE INDEX blacklist_nickname_key ON blacklist (nickname_key);
CREATE INDEX blacklist_phone_key ON blacklist (phone_key);

CREATE TABLE blacklist_cases (
  id       INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES blacklist (id) ON DELETE CASCADE,
  case_uid TEXT NOT NULL
);
CREATE INDEX blacklist_cases_entry ON blacklist_cases (entry_id);

CREATE TABLE templates (
  id       INTEGER PRIMARY KEY,
  uid      TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  stage    TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  body     TEXT NOT NULL
);
