/** Matches the key segment of the Curiosity routes, `/apikey/<key>/`, and an invitation's token. */
const SECRET_SEGMENT = /(\/apikey\/|\/invitations\/)[^/?#]*/gi;

/**
 * A URL with the API key of Curiosity routes, or an invitation token,
 * replaced: secrets in paths would otherwise end up in request logs and log
 * shippers.
 */
export function redactUrl(url: string): string {
  return url.replace(SECRET_SEGMENT, '$1[REDACTED]');
}
