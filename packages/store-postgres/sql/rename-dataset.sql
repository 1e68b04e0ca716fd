UPDATE datasets SET name = :name WHERE workspace = :workspace AND id = :id
