-- A cell as finds read it as a number, exactly as core's toNumber does: a
-- JSON number, or a string that is a plain decimal (`100`, `-1.5`, `1e3`,
-- `.5`; not `0x10`, ` 5` or ``); NULL for anything else, which no comparison
-- matches. A decimal beyond the double range is no number (JavaScript reads
-- Infinity); one too small for it is 0, as in JavaScript.
CREATE FUNCTION find_number(cell json) RETURNS double precision
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
  kind text := json_typeof(cell);
  digits text;
  mantissa text;
  whole text;
  fraction text;
  magnitude numeric;
BEGIN
  IF kind = 'number' THEN
    RETURN (cell #>> '{}')::double precision;
  END IF;
  IF kind IS DISTINCT FROM 'string' THEN
    RETURN NULL;
  END IF;
  digits := cell #>> '{}';
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
