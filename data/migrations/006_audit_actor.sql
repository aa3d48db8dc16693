-- 006_audit_actor: filled in by issue 12.
SELECT 1;
