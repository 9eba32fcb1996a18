-- Tuijian store, schema version 6: a certificate of the SM2 key from the province's
-- CA (PEM), carried in every package when recorded; '' when none.
ALTER TABLE signing_key ADD COLUMN sm2_cert TEXT NOT NULL DEFAULT '';
