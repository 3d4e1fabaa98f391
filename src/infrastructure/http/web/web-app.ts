import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JsonLogger } from '../../logging/json-logger';

/** Where `npm run build:web` writes the browser app (vite.config.ts), from src/… or dist/… alike. */
export const DEFAULT_WEB_ROOT = resolve(__dirname, '../../../../dist/web');

/**
 * The browser app's own policy, stricter than the API's (whose /docs needs inline script for Swagger UI):
 * only its own bundled files, nothing inline, nothing from elsewhere. Chart.js and Lit style through the
 * CSSOM and constructed style sheets, which `style-src 'self'` does not block.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built web app at `/` (index.html) and `/assets/…`: static files registered on Fastify itself,
 * not as Nest routes, so they carry no data, need no credential and are no operations of the OpenAPI
 * document. Every file found at start gets its own route (no wildcard): an unknown path stays the API's
 * 404. The app's every API call sends the bearer credential the user signed in with.
 */
export const serveWebApp = async (
  app: NestFastifyApplication,
  logger: JsonLogger,
  webRoot: string = DEFAULT_WEB_ROOT,
): Promise<void> => {
  if (!existsSync(join(webRoot, 'index.html'))) {
    logger.entry('warn', `web app not built at ${webRoot}: GET / answers 404; run npm run build`, {});
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    decorateReply: false,
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader('content-security-policy', WEB_APP_CSP);
      // Assets carry their content hash in their names; index.html must be fetched again to find new ones.
      response.setHeader(
        'cache-control',
        path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
};
