/** The server's version, as the OpenAPI document and `/healthz` report it. */
export const SERVER_VERSION = '0.1.0';
