import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { CaseAccess } from '../cases/case-access.js';
import { isPublic } from './auth.guard.js';

/**
 * Object-level authorisation for every route under `/cases/:id`, in one place: a case the caller's
 * organisation is not party to answers 404 — the same as a case that does not exist, so its
 * existence is not revealed (OWASP API1). The services check again on every write.
 */
@Injectable()
export class CaseVisibilityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: CaseAccess,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, ctx)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const route = (req.route as { path?: string } | undefined)?.path ?? '';
    if (!/^\/cases\/:id(\/|$)/.test(route)) return true;
    await this.access.assertVisible(String(req.params.id), req.actor!);
    return true;
  }
}
