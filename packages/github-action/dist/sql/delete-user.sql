DELETE FROM users WHERE workspace = $1 AND id = $2
