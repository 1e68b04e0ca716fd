DELETE FROM pools WHERE workspace = $1 AND name = $2
