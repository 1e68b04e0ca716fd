-- Users who log in: whether they may (deactivated users cannot), whether
-- they act in every workspace, and their password's scrypt digest with its
-- salt and parameters (NULL until set through an invitation).
ALTER TABLE users
  ADD COLUMN active boolean NOT NULL DEFAULT true,
  ADD COLUMN super_user boolean NOT NULL DEFAULT false,
  ADD COLUMN password jsonb;
