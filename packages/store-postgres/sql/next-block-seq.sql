-- Creates the block when missing and numbers its next version; the row stays
-- locked until the transaction ends, so versions of a block never race.
INSERT INTO blocks (workspace, name, versions)
VALUES (:workspace, :block, 1)
ON CONFLICT (workspace, name) DO UPDATE SET versions = blocks.versions + 1
RETURNING versions AS seq
