/** Matches the key segment of the Curiosity routes, `/apikey/<key>/`. */
const KEY_SEGMENT = /(\/apikey\/)[^/?#]*/gi;

/**
 * A URL with the API key of Curiosity routes replaced: keys in paths would
 * otherwise end up in request logs and log shippers.
 */
export function redactUrl(url: string): string {
  return url.replace(KEY_SEGMENT, '$1[REDACTED]');
}
