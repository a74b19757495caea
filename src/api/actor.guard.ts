import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { CASE_ROLES } from '../access/roles.js';
import { DomainError } from '../common/domain-error.js';
import { findOrganisation } from '../governance/organisation-lookup.js';

const PUBLIC = 'samverkan:public';

/** Marks a route that needs no actor (health, docs). */
export const Public = () => SetMetadata(PUBLIC, true);

/** The actor of the request, as resolved by {@link ActorGuard}. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>().actor;
  if (!actor) throw new Error('no actor on the request: is the route @Public()?');
  return actor;
});

/**
 * Development headers naming the actor, until authentication replaces them (issue: access):
 * `X-Actor-Person`, `X-Actor-Organisation`, `X-Actor-Roles` (comma-separated case roles).
 * Only this resolver reads them; replacing it is all authentication has to change.
 */
export function actorFromDevHeaders(req: Request): Actor {
  const person = header(req, 'x-actor-person');
  const organisation = header(req, 'x-actor-organisation');
  if (!person || !organisation) {
    throw new DomainError('UNAUTHENTICATED', 'say who acts: send the headers X-Actor-Person, X-Actor-Organisation and X-Actor-Roles (see README "Who acts")');
  }
  const roles = (header(req, 'x-actor-roles') ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(CASE_ROLES as readonly string[]).includes(r));
  if (unknown.length) {
    throw new DomainError('BAD_REQUEST', `X-Actor-Roles names unknown role(s) ${unknown.join(', ')} (known: ${CASE_ROLES.join(', ')})`);
  }
  for (const [name, value] of [['X-Actor-Person', person], ['X-Actor-Organisation', organisation]] as const) {
    if (value.length > 200) throw new DomainError('BAD_REQUEST', `${name} must be at most 200 characters`);
  }
  return { kind: 'person', person, organisation, roles };
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}

/**
 * Resolves the actor of every request except `@Public()` routes. The organisation may be given as
 * its registry id, its municipality/region code or its organisation number; a registered one is
 * recorded by its registry id, so the history and confidentiality speak of one identity.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly orm: MikroORM,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const actor = actorFromDevHeaders(req);
    const organisation = await findOrganisation(this.orm.em.fork(), actor.organisation);
    req.actor = organisation ? { ...actor, organisation: organisation.id } : actor;
    return true;
  }
}
