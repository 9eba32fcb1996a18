-- Tuijian store, schema version 3: the 主导产业 rows of 附件3 come from the industrial
-- statistics and are verified by the statistics bureau like the other statistical
-- figures (通知 item 四).
ALTER TABLE industries ADD COLUMN state TEXT NOT NULL DEFAULT '未审核';
ALTER TABLE industries ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';
ALTER TABLE industries ADD COLUMN verified_at TEXT NOT NULL DEFAULT '';
ALTER TABLE industries ADD COLUMN verify_doc TEXT NOT NULL DEFAULT '';
