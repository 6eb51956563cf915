-- My Card: card programs, their signing keys, enterprise groups, bindings, campaigns and coupons.

-- An enterprise group: several merchants share card programs; a binding made at one member is
-- recognised at all of them. The owner is a member too.
CREATE TABLE mycard_groups (
  group_id           text PRIMARY KEY,
  owner_merchant_id  text NOT NULL REFERENCES merchants (merchant_id),
  name               text NOT NULL,
  created_at         timestamptz NOT NULL
);

CREATE TABLE mycard_group_members (
  group_id     text NOT NULL REFERENCES mycard_groups (group_id),
  merchant_id  text NOT NULL REFERENCES merchants (merchant_id),
  status       text NOT NULL CHECK (status IN ('INVITED', 'ACTIVE')),
  invited_at   timestamptz NOT NULL,
  joined_at    timestamptz,
  PRIMARY KEY (group_id, merchant_id)
);
CREATE INDEX mycard_group_members_active ON mycard_group_members (merchant_id, group_id) WHERE status = 'ACTIVE';

-- A card program. channel_id is its Apply channel (the channel that created it).
CREATE TABLE mycard_programs (
  program_id   text PRIMARY KEY,
  merchant_id  text NOT NULL REFERENCES merchants (merchant_id),
  channel_id   bigint NOT NULL REFERENCES channels (channel_id),
  group_id     text REFERENCES mycard_groups (group_id),
  name         text NOT NULL,
  logo_url     text,
  code_type    text NOT NULL CHECK (code_type IN ('CODE128', 'QR', 'EAN13')),
  binding_url  text NOT NULL,
  detail       jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX mycard_programs_by_merchant ON mycard_programs (merchant_id, created_at);
CREATE INDEX mycard_programs_by_group ON mycard_programs (group_id) WHERE group_id IS NOT NULL;

-- A program's ECDSA P-256 signing keys. One is CURRENT; a RETIRED key's public half stays in the
-- JWK set until publish_until (when every binding signed with it has expired); its private half
-- is wiped on retirement.
CREATE TABLE mycard_program_keys (
  kid             text PRIMARY KEY,
  program_id      text NOT NULL REFERENCES mycard_programs (program_id),
  public_jwk      jsonb NOT NULL,
  private_key_id  text,
  private_enc     bytea,
  status          text NOT NULL CHECK (status IN ('CURRENT', 'RETIRED')),
  created_at      timestamptz NOT NULL,
  publish_until   timestamptz,
  CHECK (status = 'RETIRED' OR (private_enc IS NOT NULL AND private_key_id IS NOT NULL))
);
CREATE UNIQUE INDEX mycard_program_keys_one_current ON mycard_program_keys (program_id) WHERE status = 'CURRENT';

-- A shopper's binding to a program. Only a hash of the token is stored. The membership code is
-- sealed (AES-256-GCM, context bound to the binding id) and kept only while APPLIED or ACTIVE;
-- code_hash (keyed with the sealing key) lets a merchant name a binding by its code.
CREATE TABLE mycard_bindings (
  binding_id    text PRIMARY KEY,
  program_id    text NOT NULL REFERENCES mycard_programs (program_id),
  user_id       text NOT NULL REFERENCES users (user_id),
  kid           text NOT NULL REFERENCES mycard_program_keys (kid),
  token_hash    text NOT NULL,
  nonce         text NOT NULL,
  status        text NOT NULL CHECK (status IN ('RESERVED', 'APPLIED', 'ACTIVE', 'FAILED', 'CANCELLED', 'EXPIRED', 'UNBOUND')),
  code_key_id   text,
  code_enc      bytea,
  code_hash     text,
  display_name  text,
  reserved_at   timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  applied_at    timestamptz,
  activated_at  timestamptz,
  closed_at     timestamptz,
  closed_by     text,
  CONSTRAINT mycard_bindings_token UNIQUE (token_hash),
  CONSTRAINT mycard_bindings_code_when_bound CHECK ((status IN ('APPLIED', 'ACTIVE')) = (code_enc IS NOT NULL AND code_key_id IS NOT NULL AND code_hash IS NOT NULL))
);
CREATE UNIQUE INDEX mycard_bindings_one_active ON mycard_bindings (program_id, user_id) WHERE status = 'ACTIVE';
CREATE INDEX mycard_bindings_by_user ON mycard_bindings (user_id, reserved_at);
CREATE INDEX mycard_bindings_by_code ON mycard_bindings (program_id, code_hash) WHERE status = 'ACTIVE';
CREATE INDEX mycard_bindings_due ON mycard_bindings (expires_at) WHERE status IN ('RESERVED', 'APPLIED');

-- A campaign bundles programs and grants a reward once per shopper who binds one of them
-- within its dates. Amounts are minor units of reward_currency.
CREATE TABLE mycard_campaigns (
  campaign_id      text PRIMARY KEY,
  merchant_id      text NOT NULL REFERENCES merchants (merchant_id),
  name             text NOT NULL,
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz NOT NULL,
  reward_type      text NOT NULL CHECK (reward_type IN ('POINTS', 'COUPON')),
  reward_amount    bigint NOT NULL CHECK (reward_amount > 0),
  reward_currency  text NOT NULL,
  coupon_days      integer,
  created_at       timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK ((reward_type = 'COUPON') = (coupon_days IS NOT NULL))
);

CREATE TABLE mycard_campaign_programs (
  campaign_id  text NOT NULL REFERENCES mycard_campaigns (campaign_id),
  program_id   text NOT NULL REFERENCES mycard_programs (program_id),
  PRIMARY KEY (campaign_id, program_id)
);
CREATE INDEX mycard_campaign_programs_by_program ON mycard_campaign_programs (program_id);

-- Once per shopper per campaign: the primary key makes concurrent activations grant once.
CREATE TABLE mycard_campaign_grants (
  campaign_id  text NOT NULL REFERENCES mycard_campaigns (campaign_id),
  user_id      text NOT NULL REFERENCES users (user_id),
  binding_id   text NOT NULL REFERENCES mycard_bindings (binding_id),
  granted_at   timestamptz NOT NULL,
  PRIMARY KEY (campaign_id, user_id)
);

-- Coupons in a shopper's wallet (redeeming them at checkout is not part of this version).
CREATE TABLE mycard_coupons (
  coupon_id    text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users (user_id),
  campaign_id  text NOT NULL REFERENCES mycard_campaigns (campaign_id),
  merchant_id  text NOT NULL REFERENCES merchants (merchant_id),
  amount       bigint NOT NULL CHECK (amount > 0),
  currency     text NOT NULL,
  issued_at    timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  CONSTRAINT mycard_coupons_once UNIQUE (campaign_id, user_id)
);
CREATE INDEX mycard_coupons_by_user ON mycard_coupons (user_id, issued_at);
