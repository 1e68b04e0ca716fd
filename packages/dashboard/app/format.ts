/** A count as people read it: 1,000,000. */
export const count = (n: number): string => n.toLocaleString('en');

/** A date-time, short and unambiguous (UTC). */
export function when(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** How long until a moment, in days or hours. */
export function until(iso: string | null, now = Date.now()): string {
  if (iso === null) return 'not at the recent rate';
  const ms = Date.parse(iso) - now;
  if (ms <= 0) return 'now: no free rows';
  const days = ms / 86_400_000;
  return days >= 2
    ? `in ${Math.round(days)} days`
    : `in ${Math.max(1, Math.round(days * 24))} hours`;
}
