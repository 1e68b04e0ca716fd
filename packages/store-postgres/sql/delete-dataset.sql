DELETE FROM datasets WHERE workspace = :workspace AND id = :id
