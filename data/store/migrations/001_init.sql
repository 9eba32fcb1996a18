-- Tuijian store, schema version 1.
CREATE TABLE settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    province_code TEXT NOT NULL DEFAULT '',
    year          INTEGER NOT NULL DEFAULT 0,
    department    TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    doc_number    TEXT NOT NULL DEFAULT '',
    demo          INTEGER NOT NULL DEFAULT 0
);
INSERT INTO settings (id) VALUES (1);

CREATE TABLE candidates (
    measure   TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    PRIMARY KEY (measure, unit_code)
);

-- value is the canonical text of forms/value (Format); '' is missing.
CREATE TABLE figures (
    unit_code   TEXT NOT NULL,
    measure     TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    value       TEXT NOT NULL DEFAULT '',
    remark      TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT '未审核',
    verified_by TEXT NOT NULL DEFAULT '',
    verified_at TEXT NOT NULL DEFAULT '',
    verify_doc  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_code, measure, indicator, year)
);

CREATE TABLE province_figures (
    measure   TEXT NOT NULL,
    indicator TEXT NOT NULL,
    year      INTEGER NOT NULL,
    value     TEXT NOT NULL DEFAULT '',
    source    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (measure, indicator, year)
);

CREATE TABLE industries (
    unit_code TEXT NOT NULL,
    row       INTEGER NOT NULL,
    name      TEXT NOT NULL DEFAULT '',
    share     TEXT NOT NULL DEFAULT '',
    growth    TEXT NOT NULL DEFAULT '',
    revenue   TEXT NOT NULL DEFAULT '',
    profit    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_code, row)
);

CREATE TABLE events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_code    TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('safety', 'environment', 'social')),
    date         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    deaths       INTEGER NOT NULL DEFAULT 0,
    injuries     INTEGER NOT NULL DEFAULT 0,
    evacuated    INTEGER NOT NULL DEFAULT 0,
    loss_yuan    INTEGER NOT NULL DEFAULT 0,
    water_source INTEGER NOT NULL DEFAULT 0,
    ecology      INTEGER NOT NULL DEFAULT 0,
    radiation    INTEGER NOT NULL DEFAULT 0,
    impact       INTEGER NOT NULL DEFAULT 0,
    official     INTEGER NOT NULL DEFAULT 0,
    official_doc TEXT NOT NULL DEFAULT '',
    severe       INTEGER NOT NULL DEFAULT 0,
    basis        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE assessments (
    unit_code TEXT NOT NULL,
    measure   TEXT NOT NULL,
    clause    TEXT NOT NULL,
    verdict   TEXT NOT NULL DEFAULT '',
    evidence  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_code, measure, clause)
);

-- One row per measure: at most one chosen city (通知 item 二).
CREATE TABLE choices (
    measure   TEXT PRIMARY KEY,
    unit_code TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    decision  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE approvals (
    measure      TEXT PRIMARY KEY,
    government   TEXT NOT NULL DEFAULT '',
    gov_doc      TEXT NOT NULL DEFAULT '',
    gov_date     TEXT NOT NULL DEFAULT '',
    telecom      TEXT NOT NULL DEFAULT '',
    telecom_doc  TEXT NOT NULL DEFAULT '',
    telecom_date TEXT NOT NULL DEFAULT ''
);

-- Application text (申报书) per city, measure and outline section.
CREATE TABLE sections (
    unit_code TEXT NOT NULL,
    measure   TEXT NOT NULL,
    key       TEXT NOT NULL,
    text      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_code, measure, key)
);

-- A batch is one user action (a typed value, an import); its rows are the changes.
CREATE TABLE audit_batches (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    at   TEXT NOT NULL,
    who  TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id  INTEGER NOT NULL REFERENCES audit_batches(id),
    entity    TEXT NOT NULL,
    unit_code TEXT NOT NULL DEFAULT '',
    field     TEXT NOT NULL,
    old       TEXT NOT NULL DEFAULT '',
    new       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_unit ON audit (unit_code);
CREATE INDEX audit_batch ON audit (batch_id);
