/** A response as the account tests read it. */
export interface CallResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies of many shapes, as inject().json() does
  body: any;
  text: string;
}

/** Calls a running server over HTTP, with a key or session token when given. */
export function httpCaller(baseUrl: string) {
  return async (
    method: string,
    path: string,
    options: { auth?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<CallResult> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.auth !== undefined) headers.authorization = `Bearer ${options.auth}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body, text };
  };
}
