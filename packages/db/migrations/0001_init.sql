-- Jinliu schema v1. The same file runs on PGlite and PostgreSQL; forward-only.
-- Every row carries its merchant where one exists, so the data can later be partitioned by merchant.

CREATE TABLE merchants (
  merchant_id  text PRIMARY KEY,
  name         text NOT NULL,
  created_at   timestamptz NOT NULL
);

CREATE TABLE channels (
  channel_id            bigint PRIMARY KEY,
  merchant_id           text NOT NULL REFERENCES merchants (merchant_id),
  name                  text NOT NULL,
  currency              text NOT NULL,
  secret_key_id         text NOT NULL,
  secret_enc            bytea NOT NULL,
  allow_authorize_only  boolean NOT NULL,
  allow_preapproved     boolean NOT NULL,
  status                text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  created_at            timestamptz NOT NULL
);

CREATE TABLE users (
  user_id       text PRIMARY KEY,
  display_name  text NOT NULL,
  pin_hash      text,
  created_at    timestamptz NOT NULL
);

-- Ledger accounts. "tracked" accounts (a user's balance and points) keep a balance column,
-- updated in the same transaction as their postings and never allowed below zero; they are
-- the only accounts the payment path locks. Hot accounts (merchant payables, holds, card
-- clearing) are never locked: their balance is the sum of their postings.
CREATE TABLE accounts (
  account_id  bigserial PRIMARY KEY,
  kind        text NOT NULL,
  owner       text NOT NULL,
  currency    text NOT NULL,
  tracked     boolean NOT NULL,
  balance     bigint NOT NULL DEFAULT 0,
  CHECK (NOT tracked OR balance >= 0),
  UNIQUE (kind, owner, currency)
);

CREATE TABLE cards (
  card_id      bigserial PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users (user_id),
  brand        text NOT NULL,
  last4        text NOT NULL,
  exp_month    integer NOT NULL,
  exp_year     integer NOT NULL,
  nickname     text NOT NULL DEFAULT '',
  pan_key_id   text NOT NULL,
  pan_enc      bytea NOT NULL,
  fingerprint  text NOT NULL,
  created_at   timestamptz NOT NULL,
  UNIQUE (user_id, fingerprint)
);

CREATE TABLE payments (
  transaction_id    bigint PRIMARY KEY,
  seq               bigserial NOT NULL,
  channel_id        bigint NOT NULL REFERENCES channels (channel_id),
  merchant_id       text NOT NULL,
  order_id          text NOT NULL,
  currency          text NOT NULL,
  amount            bigint NOT NULL CHECK (amount > 0),
  status            text NOT NULL,
  pay_type          text NOT NULL,
  capture           boolean NOT NULL,
  source            text NOT NULL DEFAULT 'ONLINE',
  product_name      text NOT NULL,
  request           jsonb NOT NULL,
  access_token      text UNIQUE,
  reserve_id        text UNIQUE,
  user_id           text REFERENCES users (user_id),
  funding           jsonb,
  captured_amount   bigint NOT NULL DEFAULT 0,
  refunded_amount   bigint NOT NULL DEFAULT 0,
  reg_key           text,
  failure_code      text,
  created_at        timestamptz NOT NULL,
  expires_at        timestamptz NOT NULL,
  approved_at       timestamptz,
  confirmed_at      timestamptz,
  auth_expires_at   timestamptz,
  captured_at       timestamptz,
  closed_at         timestamptz,
  CHECK (refunded_amount >= 0 AND refunded_amount <= captured_amount AND captured_amount <= amount),
  CONSTRAINT payments_order_unique UNIQUE (merchant_id, order_id)
);
CREATE INDEX payments_open_auth ON payments (auth_expires_at) WHERE status = 'AUTHORIZED';
CREATE INDEX payments_open_request ON payments (expires_at) WHERE status IN ('REQUESTED', 'AUTHENTICATED');

CREATE TABLE refunds (
  refund_id       bigint PRIMARY KEY,
  seq             bigserial NOT NULL,
  transaction_id  bigint NOT NULL REFERENCES payments (transaction_id),
  channel_id      bigint NOT NULL,
  merchant_id     text NOT NULL,
  amount          bigint NOT NULL CHECK (amount > 0),
  refund_type     text NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE INDEX refunds_by_payment ON refunds (transaction_id);

CREATE TABLE reg_keys (
  reg_key                text PRIMARY KEY,
  channel_id             bigint NOT NULL REFERENCES channels (channel_id),
  merchant_id            text NOT NULL,
  user_id                text NOT NULL REFERENCES users (user_id),
  funding                jsonb NOT NULL,
  status                 text NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED')),
  origin_transaction_id  bigint NOT NULL,
  created_at             timestamptz NOT NULL,
  expired_at             timestamptz
);

-- Journal: an entry per money movement, unique per (kind, ref) so a movement is written once.
CREATE TABLE journal_entries (
  entry_id    bigserial PRIMARY KEY,
  kind        text NOT NULL,
  ref         text NOT NULL,
  payment_id  bigint,
  currency    text NOT NULL,
  created_at  timestamptz NOT NULL,
  CONSTRAINT journal_entries_once UNIQUE (kind, ref)
);

CREATE TABLE postings (
  posting_id  bigserial PRIMARY KEY,
  entry_id    bigint NOT NULL REFERENCES journal_entries (entry_id),
  account_id  bigint NOT NULL REFERENCES accounts (account_id),
  currency    text NOT NULL,
  amount      bigint NOT NULL,
  payment_id  bigint
);
CREATE INDEX postings_by_account ON postings (account_id);
CREATE INDEX postings_by_payment ON postings (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX postings_by_entry ON postings (entry_id);

-- Transactional outbox: written in the same transaction as the state change it reports.
CREATE TABLE outbox_events (
  event_id      bigserial PRIMARY KEY,
  merchant_id   text,
  event_type    text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox_events (event_id) WHERE published_at IS NULL;

-- Small shared settings (the sandbox clock offset).
CREATE TABLE platform_settings (
  key    text PRIMARY KEY,
  value  text NOT NULL
);
