DELETE FROM projects WHERE workspace = :workspace AND id = :id
