SELECT definition FROM pools WHERE workspace = :workspace ORDER BY name
