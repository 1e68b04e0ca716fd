/** An error the server answered with: its status, stable code, message and the field it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a list route answers. */
export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  total: number | null;
  links: { self: string; next: string | null; prev: string | null };
}

type Query = Record<string, string | number | boolean | undefined>;

/**
 * The dashboard's only way to the server: the public `/api/v1`, with the
 * key or session token in the Authorization header (never in a URL).
 */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly base = '/api/v1',
  ) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, query);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, undefined, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Fetches a download with the token and saves it under the server's file name. */
  async download(path: string, query: Query, fallbackName: string): Promise<string> {
    const response = await this.fetch('GET', path, query);
    const blob = await response.blob();
    const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  }

  private async request<T>(
    method: string,
    path: string,
    query?: Query,
    body?: unknown,
  ): Promise<T> {
    const response = await this.fetch(method, path, query, body);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async fetch(
    method: string,
    path: string,
    query?: Query,
    body?: unknown,
  ): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}${queryString(query)}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) throw await errorOf(response);
    return response;
  }
}

/** Logs in with a password: answers the session token. */
export async function logIn(login: {
  workspace?: string;
  user: string;
  password: string;
}): Promise<string> {
  const response = await fetch('/api/v1/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(login),
    credentials: 'omit',
  });
  if (!response.ok) throw await errorOf(response);
  return ((await response.json()) as { token: string }).token;
}

/** Path segment of a name: names hold spaces, slashes and the like. */
export const seg = (name: string | number) => encodeURIComponent(String(name));

function queryString(query: Query | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string; field?: string };
    return new ApiError(
      response.status,
      body.code ?? 'ERROR',
      body.message ?? response.statusText,
      body.field,
    );
  } catch {
    return new ApiError(response.status, 'ERROR', `${response.status} ${response.statusText}`);
  }
}

function fileNameOf(disposition: string | null): string | undefined {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}
