-- Tuijian store, schema version 4 (issue 11: the package states only what is true).
-- A consent is given for one city: the approvals remember which one. Until now a
-- consent could only be recorded for the measure's choice of the moment, so existing
-- consents are attributed to today's choice.
ALTER TABLE approvals ADD COLUMN gov_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE approvals ADD COLUMN telecom_unit TEXT NOT NULL DEFAULT '';
-- Each measure's 推荐函 has its own 发文字号; the one number of the settings goes to
-- the first measure's letter.
ALTER TABLE approvals ADD COLUMN letter_no TEXT NOT NULL DEFAULT '';
UPDATE approvals SET gov_unit = COALESCE((SELECT unit_code FROM choices WHERE choices.measure = approvals.measure), '') WHERE government != '';
UPDATE approvals SET telecom_unit = COALESCE((SELECT unit_code FROM choices WHERE choices.measure = approvals.measure), '') WHERE telecom != '';
INSERT OR IGNORE INTO approvals (measure) SELECT 'industry' FROM settings WHERE id = 1 AND doc_number != '';
UPDATE approvals SET letter_no = (SELECT doc_number FROM settings WHERE id = 1) WHERE measure = 'industry';
UPDATE settings SET doc_number = '';

-- A 主导产业 row outside the statistical system needs no verification, with a reason.
ALTER TABLE industries ADD COLUMN not_statistical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE industries ADD COLUMN not_stat_reason TEXT NOT NULL DEFAULT '';

-- The screening of a candidate for the negative events of 办法 第六/七条（六）.
CREATE TABLE screenings (
    unit_code   TEXT PRIMARY KEY,
    checker     TEXT NOT NULL,
    departments TEXT NOT NULL,
    date        TEXT NOT NULL,
    basis       TEXT NOT NULL
);

-- 办法 第十六条: cities (unit_code) or the province itself (unit_code '') barred.
CREATE TABLE bars (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_code TEXT NOT NULL DEFAULT '',
    from_year INTEGER NOT NULL,
    to_year   INTEGER NOT NULL CHECK (to_year >= from_year),
    doc_no    TEXT NOT NULL,
    reason    TEXT NOT NULL
);

-- 办法 第十一条: 国务院大督查通报表扬 of a city.
CREATE TABLE commendations (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_code TEXT NOT NULL,
    doc_no    TEXT NOT NULL,
    date      TEXT NOT NULL,
    title     TEXT NOT NULL DEFAULT ''
);
