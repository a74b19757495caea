import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DOCUMENT_FILE_PATH } from './api/documents.controller.js';
import { openApiDocument } from './api/openapi.js';
import { rateLimits, signInEarly } from './api/rate-limit.js';
import { Authenticator } from './access/authenticator.js';
import { webAppRouter } from './api/web-app.js';
import { refuseHostileBodies, validationPipe } from './api/validation.js';
import { MAX_FILE_BYTES } from './governance/documents.service.js';
import { AppModule, type AppModuleOptions } from './app.module.js';
import type { AppConfig } from './config/app-config.js';

/** Largest request body accepted. Case commands are small; documents come as links or uploads. */
export const BODY_LIMIT = '256kb';

/** The identity provider's origin, which the web interface's sign-in talks to from the browser. */
function oidcOrigins(config: AppConfig): string[] {
  if (!config.oidc) return [];
  try {
    return [new URL(config.oidc.issuer).origin];
  } catch {
    return [];
  }
}

/**
 * Cuts off clients that send too slowly (slowloris): headers must arrive within `headersTimeoutMs`,
 * the whole request (a 10 MB document file included) within `requestTimeoutMs` (408, then closed),
 * and a connection silent either way that long is closed too; an idle kept-alive connection after
 * `keepAliveTimeoutMs`. Node checks the first two every `connectionsCheckingInterval` (30 s by
 * default, read when the server starts listening): at most a second here, so the bounds hold.
 */
function applyServerTimeouts(server: Server, http: AppConfig['http']): void {
  server.headersTimeout = http.headersTimeoutMs;
  server.requestTimeout = http.requestTimeoutMs;
  server.keepAliveTimeout = http.keepAliveTimeoutMs;
  server.timeout = http.requestTimeoutMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(1000, Math.ceil(http.headersTimeoutMs / 2));
}

/**
 * Builds the whole application (used by `main.ts` and by every e2e test, so tests run exactly
 * what production runs): JSON body parsing with a size limit, validation, the OpenAPI document at
 * `/docs-json` and Swagger UI at `/docs`.
 */
export async function createApp(options: AppModuleOptions & { logger?: false }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...options, logging: options.logger !== false || !!options.logStream }), {
    bodyParser: false,
    bufferLogs: true,
    ...(options.logger === false ? { logger: false } : {}),
  });
  if (options.logger !== false) app.useLogger(app.get(PinoLogger));
  // Security headers; the API and its docs are served from this origin only.
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Scripts from this origin only (the web interface has no inline script). The browser
        // fetches the identity provider's discovery document and token endpoint itself (PKCE).
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", ...oidcOrigins(options.config)],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
    }),
  );
  // Answers follow Accept-Language (gate explanations, step titles, messages) and who asks (a case's allowed
  // events, what my organisation owes): caches keep one copy per language and caller, and a copy revalidated by a
  // case's ETag (its version, the same for everyone) is not served in another language or to another person.
  app.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.vary('Accept-Language');
    res.vary('Authorization');
    next();
  });
  // The web interface, before the rate limit (its files are not API calls).
  app.use(webAppRouter(options.config.webDir));
  // Sign in first, so the rate limits count per person and failed sign-ins per address.
  app.use(signInEarly(app.get(Authenticator)));
  app.use(...rateLimits(options.config.rateLimitPerMinute, options.config.failedSignInsPerMinute));
  // CORS is closed unless CORS_ORIGINS names the origins a browser may call from.
  if (options.config.corsOrigins.length)
    app.enableCors({
      origin: options.config.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'Accept-Language', 'X-Request-Id'],
      exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After'],
    });
  // A document's file is its request body as is (up to 10 MB); everything else is JSON.
  app.use(DOCUMENT_FILE_PATH, express.raw({ type: () => true, limit: MAX_FILE_BYTES }));
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  // Prototype keys, lone surrogates, control characters and deep nesting: 400 with each path.
  app.use(refuseHostileBodies);
  app.useGlobalPipes(validationPipe());
  app.disable('x-powered-by');
  applyServerTimeouts(app.getHttpServer(), options.config.http);
  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
