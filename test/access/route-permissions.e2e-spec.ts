import { isPermission } from '../../src/application/access/access-policy';
import { appRoutes } from '../support/app-routes';
import { startTestApp, type TestApp } from '../support/test-app';

describe('every route names its permission', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists the routes of the app, and each has a known permission or is /health', () => {
    const routes = appRoutes(api.app);
    expect(routes.length).toBeGreaterThan(90);
    const unguarded = routes.filter((route) => !route.isPublic && !isPermission(route.permission));
    expect(unguarded).toEqual([]);
    expect(routes.filter((route) => route.isPublic).map((route) => route.route)).toEqual(['GET /health']);
  });

  // The web app's files (src/infrastructure/http/web) are registered on Fastify, not as Nest routes, so
  // they are not in the list above: they hold no data, and every call the app makes is one of those routes.
  it('serves only the built web app outside the Nest routes, and its paths hold no API route', async () => {
    const fastify = api.app.getHttpAdapter().getInstance();
    const nestPaths = new Set(appRoutes(api.app).map((route) => route.route.split(' ')[1]));
    expect(nestPaths.has('/')).toBe(false);
    expect([...nestPaths].filter((path) => path.startsWith('/assets'))).toEqual([]);
    // Without a build (dist/web missing) nothing is registered at all; with one, GET / is its page.
    const index = await api.app.inject({ method: 'GET', url: '/' });
    if (fastify.hasRoute({ method: 'GET', url: '/' }))
      expect(index.headers['content-type']).toMatch(/^text\/html/);
    else expect(index.statusCode).toBe(404);
  });
});
