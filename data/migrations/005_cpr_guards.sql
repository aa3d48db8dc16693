-- 005_cpr_guards: filled in by issue 12.
SELECT 1;
