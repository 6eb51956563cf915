-- The shop's own tables. Money is integer minor units (TWD has none below the dollar, so
-- NT$299 is 299); LINE Pay transaction ids are 19-digit integers and fit bigint.

CREATE TABLE shop_settings (
  key        text PRIMARY KEY,
  value      text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id                       text PRIMARY KEY,
  kind                     text NOT NULL CHECK (kind IN ('purchase', 'subscription')),
  status                   text NOT NULL CHECK (status IN (
                             'pending', 'confirming', 'authorized', 'capturing', 'voiding', 'paid',
                             'partially_refunded', 'refunded', 'voided', 'cancelled', 'expired', 'failed')),
  capture                  boolean NOT NULL,
  currency                 text NOT NULL,
  amount                   bigint NOT NULL CHECK (amount > 0),
  captured_amount          bigint NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
  refunded_amount          bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= captured_amount),
  transaction_id           bigint UNIQUE,
  payment_url              text,
  pay_info                 jsonb,
  authorization_expires_at timestamptz,
  status_reason            text,
  -- Who is confirming right now (the shopper's return or the reconciler) and since when.
  claim_token              text,
  claimed_at               timestamptz,
  created_at               timestamptz NOT NULL,
  updated_at               timestamptz NOT NULL,
  paid_at                  timestamptz
);
CREATE INDEX orders_by_status ON orders (status, updated_at);
CREATE INDEX orders_by_created ON orders (created_at DESC);

CREATE TABLE order_items (
  order_id   text NOT NULL REFERENCES orders (id),
  line       integer NOT NULL,
  product_id text NOT NULL,
  name       text NOT NULL,
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  quantity   integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, line)
);

-- What happened to an order, in order: shown in the admin page, kept for support.
CREATE TABLE order_events (
  id       bigserial PRIMARY KEY,
  order_id text NOT NULL REFERENCES orders (id),
  at       timestamptz NOT NULL,
  kind     text NOT NULL,
  detail   text NOT NULL DEFAULT ''
);
CREATE INDEX order_events_by_order ON order_events (order_id, id);

-- A refund is 'pending' from the moment its amount is reserved until LINE Pay answers;
-- pending and succeeded refunds together never exceed what was captured.
CREATE TABLE refunds (
  id                    bigserial PRIMARY KEY,
  order_id              text NOT NULL REFERENCES orders (id),
  amount                bigint NOT NULL CHECK (amount > 0),
  status                text NOT NULL CHECK (status IN ('pending', 'succeeded')),
  refund_transaction_id bigint UNIQUE,
  created_at            timestamptz NOT NULL,
  completed_at          timestamptz,
  CHECK (status = 'pending' OR refund_transaction_id IS NOT NULL)
);
CREATE INDEX refunds_by_order ON refunds (order_id);

CREATE TABLE subscriptions (
  id                 text PRIMARY KEY,
  plan               text NOT NULL,
  status             text NOT NULL CHECK (status IN ('pending', 'active', 'ended', 'cancelled')),
  currency           text NOT NULL,
  amount             bigint NOT NULL CHECK (amount > 0),
  first_order_id     text NOT NULL UNIQUE REFERENCES orders (id),
  reg_key            text,
  periods_paid       integer NOT NULL DEFAULT 0,
  started_at         timestamptz,
  next_charge_at     timestamptz,
  end_reason         text,
  ended_at           timestamptz,
  -- A billing run holds the subscription while it charges, so two runs never charge twice.
  billing_claim      text,
  billing_claimed_at timestamptz,
  last_error         text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX subscriptions_due ON subscriptions (status, next_charge_at);

CREATE TABLE subscription_charges (
  subscription_id text NOT NULL REFERENCES subscriptions (id),
  period          integer NOT NULL CHECK (period >= 1),
  order_id        text NOT NULL UNIQUE,
  transaction_id  bigint NOT NULL UNIQUE,
  amount          bigint NOT NULL CHECK (amount > 0),
  charged_at      timestamptz NOT NULL,
  PRIMARY KEY (subscription_id, period)
);
