import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Actor } from '../access/actor.js';
import type { Authenticator } from '../access/authenticator.js';
import { DomainError } from '../common/domain-error.js';
import { languageOf } from './language.js';

/** A request after {@link signInEarly}: the signed-in actor, or why signing in failed. */
export type SignedInRequest = Request & { actor?: Actor; signInFailure?: unknown };

/** Load balancers poll it: never signed in, never limited. */
const isHealth = (req: Request) => req.path === '/health';

/**
 * Signs in every request that carries `Authorization` before the rate limits, so they count by who
 * is calling, not by how the header is spelled. Never answers itself: the actor (or the failure)
 * is left on the request for {@link AuthGuard}, which refuses where a route needs a sign-in.
 */
export function signInEarly(authenticator: Authenticator): RequestHandler {
  return (req: SignedInRequest, _res, next) => {
    if (req.headers.authorization === undefined || isHealth(req)) return next();
    authenticator.authenticate(req.headers.authorization).then(
      (actor) => {
        req.actor = actor;
        next();
      },
      (error: unknown) => {
        req.signInFailure = error;
        next();
      },
    );
  };
}

const isFailedSignIn = (req: SignedInRequest) => req.signInFailure instanceof DomainError && req.signInFailure.code === 'UNAUTHENTICATED';
const address = (req: Request) => `address:${ipKeyGenerator(req.ip ?? 'unknown')}`;

/**
 * The rate limits, after {@link signInEarly}: over a limit, 429 with `Retry-After`. Counts are kept
 * per instance, in memory; behind several instances the effective limit is the sum.
 *
 * - failed sign-ins (a token that is unknown, revoked, expired, …) per client address, stricter, so
 *   guessing tokens is slow; only failed attempts are refused, so a valid token from the same
 *   address (a shared office network) still works;
 * - all requests per signed-in person (whichever token or spelling of it they use), and per client
 *   address for requests without a valid sign-in, so one integration cannot starve the others.
 */
export function rateLimits(perMinute: number, failedSignInsPerMinute: number): RequestHandler[] {
  const common = { windowMs: 60_000, standardHeaders: 'draft-7', legacyHeaders: false } as const;
  return [
    rateLimit({
      ...common,
      limit: failedSignInsPerMinute,
      skip: (req) => isHealth(req) || !isFailedSignIn(req),
      keyGenerator: address,
      handler: (req, res, _next, options) => {
        const message = {
          en: `too many failed sign-ins from this address: at most ${options.limit} a minute; wait as Retry-After says`,
          sv: `för många misslyckade inloggningar från den här adressen: högst ${options.limit} i minuten; vänta så länge Retry-After anger`,
        };
        res.status(429).json({ status: 429, code: 'RATE_LIMITED', message: message[languageOf(req)] });
      },
    }),
    rateLimit({
      ...common,
      limit: perMinute,
      skip: isHealth,
      keyGenerator: (req: SignedInRequest) => (req.actor ? `person:${req.actor.personId ?? req.actor.person}` : address(req)),
      handler: (req, res, _next, options) => {
        const message = {
          en: `too many requests: at most ${options.limit} a minute; wait as Retry-After says`,
          sv: `för många anrop: högst ${options.limit} i minuten; vänta så länge Retry-After anger`,
        };
        res.status(429).json({ status: 429, code: 'RATE_LIMITED', message: message[languageOf(req)] });
      },
    }),
  ];
}
