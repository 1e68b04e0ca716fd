SELECT definition FROM pools WHERE workspace = $1 ORDER BY name
