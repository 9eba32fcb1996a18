-- Tuijian store, schema version 8: a measure may take more than one unit (issue 16:
-- the quota comes from the campaign definition, e.g. 2 cities and 1 county in 2017),
-- so a choice is keyed by measure and unit; the order chosen is the rowid's.
-- Approvals keep one row per measure; gov_unit and telecom_unit hold the codes of the
-- units a consent was given for, joined by commas.
CREATE TABLE choices_by_unit (
    measure   TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    decision  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (measure, unit_code)
);
INSERT INTO choices_by_unit (measure, unit_code, reason, decision)
    SELECT measure, unit_code, reason, decision FROM choices WHERE unit_code <> '';
DROP TABLE choices;
ALTER TABLE choices_by_unit RENAME TO choices;
