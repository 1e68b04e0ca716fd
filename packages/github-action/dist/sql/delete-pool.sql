DELETE FROM pools WHERE workspace = :workspace AND name = :name
