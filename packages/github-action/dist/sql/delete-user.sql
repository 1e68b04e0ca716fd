DELETE FROM users WHERE workspace = :workspace AND id = :id
