-- The key index also answers prefixes: a find whose key must start with a
-- string (or equal a few strings) reads its rows through it instead of
-- every row of the version. text_pattern_ops compares strings byte by byte,
-- which `LIKE 'prefix%'` can walk as a range under any collation; equality
-- is the same as before, so the index still refuses a made row that
-- repeats a key, under the same name.
DROP INDEX block_rows_key;
CREATE UNIQUE INDEX block_rows_key ON block_rows (workspace, block, lineage, key text_pattern_ops) WHERE key IS NOT NULL;
