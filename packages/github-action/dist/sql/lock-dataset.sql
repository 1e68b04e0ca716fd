SELECT d.project FROM datasets d WHERE d.workspace = :workspace AND d.id = :id FOR UPDATE
