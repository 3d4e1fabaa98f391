import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ts from 'typescript';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const generated = join(__dirname, 'generated');

/** Issue 16 §1: a TypeScript client generated from /docs-json compiles, and runs an integrator's scenario. */
describe('a client generated from the OpenAPI document', () => {
  const clock = testClock('2026-03-02T09:00:00.000Z');
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ clock });
    const document = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    mkdirSync(generated, { recursive: true });
    writeFileSync(join(generated, 'openapi.json'), JSON.stringify(document));
    // Its CLI, as an integrator runs it (in a child process: the generator's ES modules are not Jest's to load).
    const cli = join(require.resolve('openapi-typescript/package.json'), '..', 'bin', 'cli.js');
    const [input, output] = [join(generated, 'openapi.json'), join(generated, 'schema.d.ts')];
    execFileSync(process.execPath, [cli, input, '-o', output], { stdio: 'pipe' });
    await api.app.listen(0, '127.0.0.1');
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('compiles the scenario against the generated types', () => {
    const program = ts.createProgram([join(__dirname, 'integrator-scenario.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      skipLibCheck: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 60_000);

  it('runs it against the server: filed, read, acknowledged with If-Match, then refused with its code', async () => {
    const { integratorScenario } = await import('./integrator-scenario');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const token = (await api.as({ role: 'customer-service', dealerId: 'd-sh-01' })).authorization.slice(7);
    expect(await integratorScenario(`http://127.0.0.1:${port}`, token)).toEqual({
      filedRevision: 0,
      status: 'filed',
      level: 'L1',
      acknowledgedRevision: 1,
      refusal: { status: 422, code: 'COMPLAINT_ALREADY_ACKNOWLEDGED' },
    });
  });
});
