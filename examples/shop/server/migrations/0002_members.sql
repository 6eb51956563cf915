-- My Card: the shop's membership accounts, the points they earn, and the one-time forms of the
-- wallet's binding page. A member's number is the membership code the wallet shows (CODE128).

CREATE SEQUENCE member_numbers START 200;

CREATE TABLE members (
  number        text PRIMARY KEY CHECK (number ~ '^JC-[0-9]{6}$'),
  email         text NOT NULL UNIQUE CHECK (email = lower(email)),
  name          text NOT NULL,
  password_hash text NOT NULL,
  points        bigint NOT NULL DEFAULT 0 CHECK (points >= 0),
  created_at    timestamptz NOT NULL
);

-- Points are credited once per payment: the key is the order id, or a subscription month's
-- LINE Pay orderId ('sub-<id>-<month>').
CREATE TABLE member_points (
  payment_key   text PRIMARY KEY,
  member_number text NOT NULL REFERENCES members (number),
  points        bigint NOT NULL CHECK (points >= 0),
  amount        bigint NOT NULL,
  currency      text NOT NULL,
  credited_at   timestamptz NOT NULL
);
CREATE INDEX member_points_by_member ON member_points (member_number, credited_at DESC);

-- The membership code LINE Pay (Jinliu's My Card) reported for the payer.
ALTER TABLE orders ADD COLUMN membership_code text;
ALTER TABLE subscription_charges ADD COLUMN membership_code text;

-- A binding request the shop verified, and the one-time token its sign-in form posts back.
-- Every form the page draws gets a new token; posting one uses it up.
CREATE TABLE membership_bind_forms (
  form_token text PRIMARY KEY,
  nonce      text NOT NULL,
  callback   text NOT NULL,
  token      text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at    timestamptz
);
