import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

/**
 * Rate limits per API or access token (per address for requests without one), so one integration
 * cannot starve the others: over the limit, 429 with `Retry-After`. Counts are kept per instance,
 * in memory; behind several instances the effective limit is the sum.
 */
export function rateLimitPerToken(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req: Request) => {
      const authorization = req.headers.authorization;
      return authorization ? 'token:' + createHash('sha256').update(authorization).digest('hex') : 'address:' + ipKeyGenerator(req.ip ?? 'unknown');
    },
    handler: (_req, res, _next, options) => {
      res.status(429).json({ status: 429, code: 'RATE_LIMITED', message: `too many requests: at most ${options.limit} a minute; wait as Retry-After says` });
    },
  });
}
