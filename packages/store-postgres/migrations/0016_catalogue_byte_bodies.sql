-- A catalogue record may be put with a body of bytes (a piece of a generated
-- file): it is kept here as bytea, as given, with `body` the JSON null. Text
-- would have to be decoded first, and could not hold a piece that ends inside
-- a character; JSON would quote and escape every piece.
ALTER TABLE catalogue ADD COLUMN body_bytes bytea;
