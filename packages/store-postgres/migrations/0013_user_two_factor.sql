-- A user's TOTP second factor: the sealed secret, when it was confirmed
-- (NULL while pending) and the last time step accepted. NULL: none.
ALTER TABLE users ADD COLUMN two_factor jsonb;
