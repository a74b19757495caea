import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '../common/domain-error.js';
import type { OidcSettings } from '../config/app-config.js';

// The provider's settings are read from the environment by config/app-config.ts.
export type { OidcSettings };

/** How far the identity provider's clock may be from the service's, for `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies OpenID Connect / JWT access tokens against the issuer's published keys (JWKS): the
 * signature, the issuer, the audience, the expiry (required: a token without `exp` is refused), not
 * before and issued at (against the service's clock, within {@link CLOCK_TOLERANCE_SECONDS}). Uses `jose`,
 * which fetches and caches the keys and refetches when a token names a key it does not know.
 */
export class OidcVerifier {
  private keys: JWTVerifyGetKey | undefined;

  constructor(private readonly settings: OidcSettings) {}

  /**
   * @returns the person's identity (the subject claim)
   * @throws DomainError UNAUTHENTICATED saying what is wrong with the token
   */
  async subjectOf(token: string, now: Date): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, await this.jwks(), {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        currentDate: now,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      });
      // jose checks that `iat` is a number, not that it has passed: a token "issued" in the future
      // is made by a wrong clock or is forged to outlive its stated lifetime.
      if (typeof payload.iat === 'number' && payload.iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) {
        throw new DomainError('UNAUTHENTICATED', {
          en: 'the token is issued in the future (iat); check the clocks of the service and the identity provider',
          sv: 'token är utfärdad i framtiden (iat); kontrollera klockorna hos tjänsten och identitetsleverantören',
        });
      }
      const subject = payload[this.settings.subjectClaim];
      if (typeof subject !== 'string' || !subject) {
        const claim = this.settings.subjectClaim;
        throw new DomainError('UNAUTHENTICATED', {
          sv: `token saknar anspråket "${claim}" som anger personen`,
          en: `the token has no "${claim}" claim naming the person`,
        });
      }
      return subject;
    } catch (error) {
      throw explain(error);
    }
  }

  private async jwks(): Promise<JWTVerifyGetKey> {
    if (this.keys) return this.keys;
    let uri = this.settings.jwksUri;
    if (!uri) {
      const discovery = new URL('.well-known/openid-configuration', this.settings.issuer.endsWith('/') ? this.settings.issuer : `${this.settings.issuer}/`);
      try {
        const res = await fetch(discovery, { signal: AbortSignal.timeout(5000) });
        uri = ((await res.json()) as { jwks_uri?: string }).jwks_uri;
      } catch {
        uri = undefined;
      }
      if (!uri)
        throw new DomainError('UNAUTHENTICATED', {
          sv: 'identitetsleverantörens nycklar går inte att hitta just nu (OIDC discovery misslyckades)',
          en: "the identity provider's keys cannot be found right now (OIDC discovery failed)",
        });
    }
    this.keys = createRemoteJWKSet(new URL(uri), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    return this.keys;
  }
}

function explain(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof joseErrors.JWTExpired)
    return new DomainError('UNAUTHENTICATED', { sv: 'token har gått ut; logga in igen', en: 'the token has expired; sign in again' });
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return new DomainError('UNAUTHENTICATED', {
        sv: 'token är avsedd för en annan tjänst (audience)',
        en: 'the token is meant for another service (audience)',
      });
    if (error.claim === 'iss')
      return new DomainError('UNAUTHENTICATED', {
        sv: 'token är utfärdad av en annan identitetsleverantör',
        en: 'the token was issued by another identity provider',
      });
    if (error.claim === 'exp' && error.reason === 'missing')
      return new DomainError('UNAUTHENTICATED', {
        en: 'the token has no expiry (exp); the identity provider must issue tokens that expire',
        sv: 'token saknar giltighetstid (exp); identitetsleverantören måste utfärda token som upphör att gälla',
      });
    if (error.claim === 'nbf') return new DomainError('UNAUTHENTICATED', { sv: 'token gäller inte än', en: 'the token is not valid yet' });
    return new DomainError('UNAUTHENTICATED', {
      sv: `token uppfyller inte anspråket "${error.claim}"`,
      en: `the token's "${error.claim}" claim does not hold`,
    });
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new DomainError('UNAUTHENTICATED', {
      sv: 'token är inte signerad med någon av identitetsleverantörens nycklar',
      en: 'the token is not signed by a key of the identity provider',
    });
  }
  if (error instanceof joseErrors.JOSEError)
    return new DomainError('UNAUTHENTICATED', { sv: 'token är inte en giltig signerad token', en: 'the token is not a valid signed token' });
  if (error instanceof joseErrors.JWKSTimeout)
    return new DomainError('UNAUTHENTICATED', {
      sv: 'identitetsleverantörens nycklar kom inte i tid; försök igen',
      en: "the identity provider's keys did not arrive in time; try again",
    });
  return new DomainError('UNAUTHENTICATED', { sv: 'token går inte att kontrollera', en: 'the token cannot be verified' });
}
