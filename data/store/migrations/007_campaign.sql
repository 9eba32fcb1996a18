-- Tuijian store, schema version 7: the campaign definition the case belongs to
-- (issue 16), kept in the file so that a later release or an edited definition file
-- never changes a case silently. definition is the file as adopted (canonical JSON);
-- source is "builtin:YEAR" or the path it was loaded from; file_sha256 the SHA-256 of
-- the file's bytes as read, to notice when the file changes. A store of an older
-- version has no row: it belongs to the built-in definition of its year, written here
-- on its next change of settings or campaign.
CREATE TABLE campaign (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    definition  TEXT NOT NULL,
    source      TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    adopted_at  TEXT NOT NULL
);
