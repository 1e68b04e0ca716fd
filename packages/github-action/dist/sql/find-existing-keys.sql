-- Keys among :keys that the rows of a lineage already have.
SELECT key
FROM block_rows
WHERE workspace = :workspace AND block = :block AND lineage = :lineage AND key = ANY(:keys::text[])
LIMIT 10
