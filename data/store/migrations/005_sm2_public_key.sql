-- Tuijian store, schema version 5: the public half of the SM2 co-signature key
-- (data/sm2sig), PEM. Its secret half is derived from the minisign key when that is
-- unlocked and is never stored; '' until the key is made (or, for a key made by an
-- earlier version, until its next unlock).
ALTER TABLE signing_key ADD COLUMN sm2_public TEXT NOT NULL DEFAULT '';
