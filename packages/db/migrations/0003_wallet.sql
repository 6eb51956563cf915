-- Wallet approvals: wrong-PIN attempts per payment (three lock it), and cards a user removed.
ALTER TABLE payments ADD COLUMN pin_failures integer NOT NULL DEFAULT 0;
ALTER TABLE cards ADD COLUMN removed_at timestamptz;
CREATE INDEX payments_by_user ON payments (user_id, created_at) WHERE user_id IS NOT NULL;
