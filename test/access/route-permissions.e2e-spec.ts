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
});
