import { ApiClient } from './api/client.js';
import type { WhoAmI } from './api/types.js';

/** Who is signed in, and the client that speaks for them. */
export interface Session {
  api: ApiClient;
  who: WhoAmI;
}

// sessionStorage: gone when the tab closes, never sent anywhere but in the Authorization header.
const TOKEN_KEY = 'allot.token';

/** Checks a key or session token with the server and keeps it for this tab. */
export async function openSession(token: string): Promise<Session> {
  const api = new ApiClient(token);
  const who = await api.get<WhoAmI>('/whoami');
  sessionStorage.setItem(TOKEN_KEY, token);
  return { api, who };
}

/** The session this tab signed in with, if its token still works. */
export async function resumeSession(): Promise<Session | undefined> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token === null) return undefined;
  try {
    return await openSession(token);
  } catch {
    sessionStorage.removeItem(TOKEN_KEY);
    return undefined;
  }
}

/** Forgets the token; a password session is also ended on the server. */
export async function closeSession(session: Session): Promise<void> {
  sessionStorage.removeItem(TOKEN_KEY);
  if (session.who.keyId === null)
    await session.api.delete('/sessions/current').catch(() => undefined);
}

const ORDER = ['viewer', 'tester', 'manager', 'admin'];

/** Whether the signed-in role may do what `needed` may: the server decides, this only hides buttons. */
export function may(session: Session, needed: 'viewer' | 'tester' | 'manager' | 'admin'): boolean {
  return ORDER.indexOf(session.who.role) >= ORDER.indexOf(needed);
}
