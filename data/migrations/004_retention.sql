-- 004_retention: filled in by issue 12.
SELECT 1;
