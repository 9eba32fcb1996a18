-- Tuijian store, schema version 2: the department's signing key. The secret key is
-- kept only in minisign's encrypted form (scrypt + passphrase); the plain key never
-- rests on disk.
CREATE TABLE signing_key (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    public_key       TEXT NOT NULL,
    encrypted_secret TEXT NOT NULL CHECK (encrypted_secret LIKE 'untrusted comment: minisign encrypted secret key%'),
    created_at       TEXT NOT NULL
);
