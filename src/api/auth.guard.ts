import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { Authenticator } from '../access/authenticator.js';
import type { SignedInRequest } from './rate-limit.js';

const PUBLIC = 'samverkan:public';

/** Marks a route that needs no sign-in (health, docs). */
export const Public = () => SetMetadata(PUBLIC, true);

/** The signed-in actor of the request, as resolved by {@link AuthGuard}. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>().actor;
  if (!actor) throw new Error('no actor on the request: is the route @Public()?');
  return actor;
});

/** Whether a route was marked `@Public()`. */
export function isPublic(reflector: Reflector, ctx: ExecutionContext): boolean {
  return !!reflector.getAllAndOverride<boolean>(PUBLIC, [ctx.getHandler(), ctx.getClass()]);
}

/**
 * Signs in every request but the `@Public()` ones: a bearer token, or 401. The sign-in itself
 * happened before the rate limits (signInEarly, src/api/rate-limit.ts); this refuses where it failed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, ctx)) return true;
    const req = ctx.switchToHttp().getRequest<SignedInRequest>();
    if (req.signInFailure !== undefined) throw req.signInFailure;
    req.actor ??= await this.authenticator.authenticate(req.headers.authorization);
    return true;
  }
}
