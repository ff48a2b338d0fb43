-- Parley embedded schema. Mirrors the Cassandra tables of ARCHITECTURE §5.
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE channels (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX channels_newest ON channels (created_at DESC, id DESC);

CREATE TABLE channel_members (
  channel_id TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  joined_at  INTEGER NOT NULL,
  PRIMARY KEY (channel_id, user_id)
) WITHOUT ROWID;
CREATE INDEX channels_by_user ON channel_members (user_id, channel_id);

-- message_id is a Snowflake stored as INTEGER (64-bit), so ordering is numeric.
CREATE TABLE messages_by_channel (
  channel_id    TEXT NOT NULL,
  bucket        INTEGER NOT NULL,
  message_id    INTEGER NOT NULL,
  user_id       TEXT NOT NULL,
  username      TEXT NOT NULL,
  content       TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  client_msg_id TEXT NOT NULL,
  reply_count   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (channel_id, bucket, message_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX messages_by_id ON messages_by_channel (message_id);

CREATE TABLE replies_by_message (
  message_id    INTEGER NOT NULL,
  reply_id      INTEGER NOT NULL,
  channel_id    TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  username      TEXT NOT NULL,
  content       TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  client_msg_id TEXT NOT NULL,
  PRIMARY KEY (message_id, reply_id)
) WITHOUT ROWID;

-- The client-id dedupe table: one row per (channel, client_msg_id), pointing at what was stored.
CREATE TABLE client_ids (
  channel_id    TEXT NOT NULL,
  client_msg_id TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('message', 'reply')),
  target_id     INTEGER NOT NULL,
  parent_id     INTEGER,
  PRIMARY KEY (channel_id, client_msg_id)
) WITHOUT ROWID;

CREATE TABLE read_state (
  user_id    TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  message_id INTEGER NOT NULL,
  PRIMARY KEY (user_id, channel_id)
) WITHOUT ROWID;
