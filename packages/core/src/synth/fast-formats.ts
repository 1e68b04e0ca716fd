/**
 * Quick acceptance of the exact shapes allot's generators write for the
 * formats most records carry: `2024-02-29`, `2024-02-29T13:05:09Z`,
 * `13:05:09Z` and lowercase uuids. Each accepts only strings ajv-formats'
 * full check also accepts (a strict subset: fixed width, digits in place,
 * calendar days, hours ≤ 23, minutes and seconds ≤ 59), so a `true` here is
 * ajv's verdict too; anything else is handed to ajv-formats' own check. The
 * verdicts are ajv's, at a fraction of its regular-expression cost.
 */
export const FAST_FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
  date: (text) => text.length === 10 && isDate(text, 0),
  'date-time': (text) =>
    text.length === 20 &&
    isDate(text, 0) &&
    text.charCodeAt(10) === 84 /* T */ &&
    isTime(text, 11) &&
    text.charCodeAt(19) === 90 /* Z */,
  time: (text) => text.length === 9 && isTime(text, 0) && text.charCodeAt(8) === 90 /* Z */,
  uuid: isUuid,
};

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the two digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `YYYY-MM-DD` at `at`, a real calendar day. */
function isDate(text: string, at: number): boolean {
  const high = twoDigits(text, at);
  const low = twoDigits(text, at + 2);
  if (high < 0 || low < 0 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45)
    return false;
  const year = high * 100 + low;
  const month = twoDigits(text, at + 5);
  const day = twoDigits(text, at + 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

/** `HH:MM:SS` at `at`, no leap second. */
function isTime(text: string, at: number): boolean {
  const hours = twoDigits(text, at);
  const minutes = twoDigits(text, at + 3);
  const seconds = twoDigits(text, at + 6);
  return (
    hours >= 0 &&
    hours <= 23 &&
    minutes >= 0 &&
    minutes <= 59 &&
    seconds >= 0 &&
    seconds <= 59 &&
    text.charCodeAt(at + 2) === 58 &&
    text.charCodeAt(at + 5) === 58
  );
}

/** 8-4-4-4-12 lowercase hex digits. */
function isUuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
