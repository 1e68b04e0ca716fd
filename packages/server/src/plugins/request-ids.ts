/**
 * Request ids as fastify makes them by default (`req-1`, `req-2`, … in base
 * 36, wrapping below 2^31), from one sequence the app and the requests
 * answered before routing share, so the ids of logged requests never repeat.
 */
export function requestIds(): () => string {
  let last = 0;
  return () => {
    last = (last + 1) & 0x7fffffff;
    return `req-${last.toString(36)}`;
  };
}
