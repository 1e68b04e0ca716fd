SELECT definition FROM pools WHERE workspace = $1 AND name = $2
