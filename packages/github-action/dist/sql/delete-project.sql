DELETE FROM projects WHERE workspace = $1 AND id = $2
