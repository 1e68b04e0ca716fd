-- Keys among $4 that the rows of a lineage already have.
SELECT key
FROM block_rows
WHERE workspace = $1 AND block = $2 AND lineage = $3 AND key = ANY($4::text[])
LIMIT 10
