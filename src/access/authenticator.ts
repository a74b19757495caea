import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { PersonRecord } from '../registry/organisation.entity.js';
import type { Actor } from './actor.js';
import { ApiTokensService, TOKEN_PREFIX } from './api-tokens.service.js';
import { DEVELOPMENT_ADMIN_SUBJECT, DEVELOPMENT_TOKEN_CREATOR } from './development-admin.js';
import { OidcVerifier } from './oidc.js';

/**
 * Who is calling: `Authorization: Bearer <token>` with either an API token (`svk_…`) or an OpenID
 * Connect access token (a JWT from the configured identity provider). Either way the caller must
 * be a registered, active person; they act for their registry organisation.
 */
@Injectable()
export class Authenticator {
  private readonly oidc: OidcVerifier | undefined;

  private readonly production: boolean;

  constructor(
    private readonly orm: MikroORM,
    private readonly tokens: ApiTokensService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.production = config.production;
    this.oidc = config.oidc ? new OidcVerifier(config.oidc) : undefined;
  }

  /** @throws DomainError UNAUTHENTICATED (401) saying why */
  async authenticate(authorization: string | string[] | undefined): Promise<Actor> {
    const header = Array.isArray(authorization) ? authorization[0] : authorization;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match)
      throw new DomainError('UNAUTHENTICATED', {
        sv: 'logga in: skicka "Authorization: Bearer <token>" (en API-token, eller en åtkomsttoken från din organisations identitetsleverantör)',
        en: 'sign in: send "Authorization: Bearer <token>" (an API token, or an access token from your organisation\'s identity provider)',
      });
    const token = match[1]!;
    if (token.startsWith(TOKEN_PREFIX)) {
      const signedIn = await this.tokens.personOf(token);
      if (!signedIn)
        throw new DomainError('UNAUTHENTICATED', {
          sv: 'API-token är okänd, återkallad eller har gått ut',
          en: 'the API token is unknown, revoked or expired',
        });
      this.refuseDevelopment(signedIn.person, signedIn.createdBy);
      return toActor(signedIn.person);
    }
    if (!this.oidc)
      throw new DomainError('UNAUTHENTICATED', {
        sv: 'tjänsten tar bara emot API-token: ingen identitetsleverantör är inställd (OIDC_ISSUER)',
        en: 'this service accepts API tokens only: no identity provider is configured (OIDC_ISSUER)',
      });
    const subject = await this.oidc.subjectOf(token, this.clock.now());
    const person = await this.orm.em.fork().findOne(PersonRecord, { subject, active: true });
    if (!person)
      throw new DomainError('UNAUTHENTICATED', {
        sv: 'du är inloggad, men inte registrerad här som aktiv person i en organisation; fråga en administratör',
        en: 'you are signed in, but not registered as an active person of an organisation here; ask an administrator',
      });
    this.refuseDevelopment(person, null);
    return toActor(person);
  }

  /**
   * In production, no development token (even one made before NODE_ENV=production was set on the
   * same data) and no sign-in as the development administrator.
   */
  private refuseDevelopment(person: PersonRecord, createdBy: string | null): void {
    if (this.production && (createdBy === DEVELOPMENT_TOKEN_CREATOR || person.subject === DEVELOPMENT_ADMIN_SUBJECT)) {
      throw new DomainError('UNAUTHENTICATED', {
        en: 'development tokens are not accepted in production (NODE_ENV=production); sign in with a token of your own',
        sv: 'utvecklingstoken godtas inte i produktion (NODE_ENV=production); logga in med en egen token',
      });
    }
  }
}

function toActor(person: PersonRecord): Actor {
  return { kind: 'person', person: person.subject, personId: person.id, organisation: person.organisationId, systemRoles: person.systemRoles ?? [] };
}
