import type { CatalogueStore } from '@allot/core';
import { sessionSecret } from '@allot/use-cases';
import { SignJWT, errors, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';

/** Default life of a session token: 24 hours. */
export const DEFAULT_SESSION_TTL_SECONDS = 24 * 3600;

const ISSUER = 'allot';

/** What a valid session token says. */
export interface SessionClaims {
  /** The token's id, which logout revokes. */
  id: string;
  user: string;
  workspace: string;
  issuedAt: Date;
  expiresAt: Date;
}

/** A token as login hands it out. */
export interface IssuedSession extends SessionClaims {
  token: string;
}

/** Options of {@link SessionTokens}. */
export interface SessionTokenOptions {
  /** The signing secret; default the deployment's, made once and kept in the store. */
  secret?: string;
  /** Seconds a token lasts; default 24 h. */
  ttlSeconds?: number;
}

/** True when a presented credential is shaped like a JWT rather than an API key. */
export function looksLikeJwt(credential: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(credential);
}

/**
 * Signs and checks session tokens: HS256 JWTs (jose) carrying the user, the
 * workspace and a token id. Every replica must sign with one secret: given
 * by option, or else the deployment's secret in the store.
 */
export class SessionTokens {
  readonly ttlSeconds: number;
  #key: Promise<Uint8Array> | undefined;

  constructor(
    private readonly store: CatalogueStore,
    private readonly options: SessionTokenOptions = {},
  ) {
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  }

  #secret(now: Date): Promise<Uint8Array> {
    this.#key ??= (async () =>
      new TextEncoder().encode(this.options.secret ?? (await sessionSecret(this.store, now))))();
    // A failed read (store down) is retried on the next request rather than cached.
    this.#key.catch(() => (this.#key = undefined));
    return this.#key;
  }

  /** A new token for a user of a workspace. */
  async issue(user: string, workspace: string, now: Date): Promise<IssuedSession> {
    const id = randomUUID();
    const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const expiresAt = new Date(issuedAt.getTime() + this.ttlSeconds * 1000);
    const token = await new SignJWT({ ws: workspace })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(user)
      .setJti(id)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(await this.#secret(now));
    return { token, id, user, workspace, issuedAt, expiresAt };
  }

  /** The claims of a valid, unexpired token of ours; undefined for anything else. */
  async verify(token: string, now: Date): Promise<SessionClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.#secret(now), {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: now,
        requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      });
      if (typeof payload.ws !== 'string') return undefined;
      return {
        id: payload.jti ?? '',
        user: payload.sub ?? '',
        workspace: payload.ws,
        issuedAt: new Date((payload.iat ?? 0) * 1000),
        expiresAt: new Date((payload.exp ?? 0) * 1000),
      };
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }
}
