-- Rows as text arrays: a filter reads cell i as `cells[i + 1]`, a plain
-- array subscript, where `"values" ->> i` parsed the row's JSON again for
-- every cell it read.
--
-- `cells` holds one element per cell: the string, a number's JSON text,
-- `true` or `false`, SQL NULL for a null cell. `kinds` tells them apart, one
-- character per cell (`s` string, `n` number, `b` boolean, `z` null); it is
-- NULL when every cell is a string, as in every row read from a CSV.
-- A json string may hold U+0000, which text cannot: a row with one stops the
-- migration, naming it, before anything changes (the row has to go first).
DO $$
DECLARE
  nul record;
BEGIN
  FOR nul IN
    SELECT workspace, block, version, ordinal, "values"
    FROM block_rows
    WHERE strpos("values"::text, '\u0000') > 0
  LOOP
    BEGIN
      PERFORM count(*) FROM json_array_elements_text(nul."values");
    EXCEPTION WHEN untranslatable_character THEN
      RAISE EXCEPTION 'row % of data block "%" version % (workspace "%") has a NUL character (U+0000), which block rows no longer hold: delete that version, then start again',
        nul.ordinal + 1, nul.block, nul.version, nul.workspace;
    END;
  END LOOP;
END
$$;

ALTER TABLE block_rows ADD COLUMN cells text[], ADD COLUMN kinds text;

UPDATE block_rows
SET
  cells = ARRAY(
    SELECT e.cell
    FROM json_array_elements_text("values") WITH ORDINALITY AS e(cell, n)
    ORDER BY e.n
  ),
  kinds = (
    SELECT CASE
      WHEN bool_and(json_typeof(e.cell) = 'string') THEN NULL
      ELSE string_agg(
        CASE json_typeof(e.cell) WHEN 'string' THEN 's' WHEN 'number' THEN 'n' WHEN 'boolean' THEN 'b' ELSE 'z' END,
        '' ORDER BY e.n
      )
    END
    FROM json_array_elements("values") WITH ORDINALITY AS e(cell, n)
  );

ALTER TABLE block_rows ALTER COLUMN cells SET NOT NULL, DROP COLUMN "values";

-- A row as the JSON array the model has, for a row with a cell that is not
-- a string: each cell written back by its kind.
CREATE FUNCTION typed_row_json(cells text[], kinds text) RETURNS text
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  RETURN '[' || coalesce((
    SELECT string_agg(
      CASE substr(kinds, i, 1) WHEN 's' THEN to_json(cells[i])::text WHEN 'z' THEN 'null' ELSE cells[i] END,
      ',' ORDER BY i
    )
    FROM generate_subscripts(cells, 1) AS i
  ), '') || ']';

-- A row as JSON text. The common row, all strings, is one array_to_json;
-- simple enough to be inlined into the statements that call it.
CREATE FUNCTION row_json(cells text[], kinds text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  RETURN CASE WHEN kinds IS NULL THEN array_to_json(cells)::text ELSE typed_row_json(cells, kinds) END;

-- A string cell as finds read it as a number, exactly as core's toNumber
-- reads a string: a plain decimal (`100`, `-1.5`, `1e3`, `.5`; not `0x10`,
-- ` 5` or ``); NULL for anything else, which no comparison matches. A
-- decimal beyond the double range is no number (JavaScript reads Infinity);
-- one too small for it is 0, as in JavaScript. A number cell is cast directly.
CREATE FUNCTION find_number(digits text) RETURNS double precision
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
  mantissa text;
  whole text;
  fraction text;
  magnitude numeric;
BEGIN
  IF digits !~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN
    RETURN NULL;
  END IF;
  -- A plain decimal without an exponent and at most 250 characters long has at most 250
  -- digits a side, so it is in range: no exception block (a subtransaction per call) for
  -- the common case. (A bounded repetition such as `{0,250}` in a pattern would cost
  -- several microseconds a cell.)
  IF length(digits) <= 250 AND strpos(digits, 'e') = 0 AND strpos(digits, 'E') = 0 THEN
    RETURN digits::double precision;
  END IF;
  BEGIN
    RETURN digits::double precision;
  EXCEPTION WHEN numeric_value_out_of_range THEN
    -- Too large or too small: the decimal exponent of the first significant digit tells which.
    mantissa := regexp_replace(digits, '^[+-]|[eE].*$', '', 'g');
    whole := ltrim(split_part(mantissa, '.', 1), '0');
    fraction := split_part(mantissa, '.', 2);
    magnitude := coalesce(substring(digits FROM '[eE]([+-]?[0-9]+)$')::numeric, 0);
    IF whole <> '' THEN
      magnitude := magnitude + length(whole) - 1;
    ELSE
      magnitude := magnitude - (length(fraction) - length(ltrim(fraction, '0')) + 1);
    END IF;
    RETURN CASE WHEN magnitude > 0 THEN NULL ELSE 0 END;
  END;
END
$$;

-- The statements read cells as text now: the json form has no caller left.
DROP FUNCTION find_number(json);
