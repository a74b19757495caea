import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

/** Where the web interface lives: its client routes are under this path, so they never meet an API path. */
export const WEB_BASE = '/app';

/**
 * Serves the built web interface (a single-page app, see web/) from `webDir` at `/app/`:
 * its files (hashed names, cached for a year; index.html never cached), and index.html for any
 * other page address under `/app/` a browser asks for (the app's own routes). A browser opening
 * `/` is sent to `/app/`; other clients of `/` (JSON, curl) get what they got before.
 * When the app was not built, `/app/` says how to build it (503).
 */
export function webAppRouter(webDir: string): Router {
  const router = express.Router();
  const index = join(webDir, 'index.html');
  router.get('/', (req, res, next) => (wantsPage(req) ? res.redirect(302, `${WEB_BASE}/`) : next()));
  router.use(WEB_BASE, express.static(webDir, { index: false, fallthrough: true, maxAge: '365d', immutable: true, redirect: false }));
  router.get(/^\/app(\/.*)?$/, (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith(`${WEB_BASE}/assets/`)) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('The web interface is not built: run "npm run build" (npm start does).\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

function wantsPage(req: Request): boolean {
  return req.accepts(['json', 'html']) === 'html';
}
