import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateHistory } from '../../src/history/history-target';
import { loadConfig } from '../../src/infrastructure/config/app-config';
import { browserMissing, buildWebApp, launchChromium, screenshotDir } from '../support/browser';
import { tempDir } from '../support/projection-fixtures';
import { startTestApp, testClock, type TestApp } from '../support/test-app';
import { expectDashboardShowsTheApi, tableValues } from './dashboard-figures';

const missing = browserMissing();
if (missing) process.stderr.write(`SKIPPED test/browser: ${missing}\n`);
const describeInBrowser = missing ? describe.skip : describe;

const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
const MONTH = '2024-03';
const json = { 'content-type': 'application/json' };

describeInBrowser('the web app in Chromium', () => {
  // A deadline for a shared, loaded machine (the history and a browser), not a speed assertion.
  jest.setTimeout(240_000);
  const data = tempDir('crm-web-data-');
  let webRoot: string;
  let api: TestApp;
  let browser: Browser;
  let origin: string;
  const credentialOf = async (role: Parameters<TestApp['as']>[0]) =>
    (await api.as(role)).authorization.replace('Bearer ', '');

  beforeAll(async () => {
    const t0 = Date.now();
    webRoot = buildWebApp();
    process.stdout.write(`build ${Date.now() - t0} ms\n`);
    // A small seeded history: 2 dealers (d-001, d-002) over January to March 2024.
    await generateHistory(
      loadConfig({ DATA_DIR: data.dir, LOG_LEVEL: 'silent', PII_MASTER_KEY: MASTER_KEY }),
      {
        seed: 17,
        dealers: 2,
        months: 3,
        start: '2024-01',
      },
    );
    process.stdout.write(`history ${Date.now() - t0} ms\n`);
    api = await startTestApp({
      dataDir: data.dir,
      webRoot,
      env: { PII_MASTER_KEY: MASTER_KEY },
      clock: testClock('2024-04-01T02:00:00.000Z'),
    });
    // The hand-built part: dealer d-web has exactly two complaints, filed in March, never acknowledged.
    for (const [complaintId, day] of [
      ['c-web-1', '2024-03-10'],
      ['c-web-2', '2024-03-12'],
    ]) {
      const filed = await api.request({
        method: 'POST',
        url: '/complaints',
        headers: { ...json, ...(await api.as({ role: 'oem-staff', userId: 'u-hotline' })) },
        payload: {
          complaintId,
          dealerId: 'd-web',
          channel: 'hotline',
          category: 'service',
          severity: 'general',
          customer: { customerId: `cu-${complaintId}`, name: '王芳', phone: '13812345678' },
          description: 'Brake noise came back',
          remedySought: 'free re-repair',
          occurredAt: `${day}T10:00:00+08:00`,
        },
      });
      expect(filed.statusCode).toBe(201);
    }
    await api.settle();
    process.stdout.write(`settled ${Date.now() - t0} ms\n`);
    await api.app.listen(0, '127.0.0.1');
    const address = api.app.getHttpServer().address() as { port: number };
    origin = `http://127.0.0.1:${address.port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    data.remove();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  /** A fresh tab that records every Content-Security-Policy violation and page error. */
  const openPage = async (): Promise<{ page: Page; problems: string[] }> => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.addInitScript({
      content:
        "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))",
    });
    return { page, problems };
  };

  const signIn = async (page: Page, credential: string): Promise<void> => {
    await page.fill('crm-sign-in input[name=credential]', credential);
    await page.click('crm-sign-in button[type=submit]');
    await page.waitForSelector('button[data-action=sign-out]');
  };

  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: true });

  it('serves the app at / without a credential, under its strict policy', async () => {
    const index = await api.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(index.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect(index.body).not.toMatch(/<script>|<style>| style=/);
    // An unknown path is still the API's 404, and the API still wants a credential.
    const unknown = await api.app.inject({ method: 'GET', url: '/no-such-page' });
    expect(unknown.statusCode).toBe(404);
    expect((await api.app.inject({ method: 'GET', url: '/sales/funnel' })).statusCode).toBe(401);
  });

  it('signs a manager in (Chinese first), shows the API figures for the month, downloads CSV, switches language', async () => {
    const { page, problems } = await openPage();
    const started = Date.now();
    await page.goto(`${origin}/`);
    await page.waitForSelector('crm-sign-in input[name=credential]');
    const firstScreenMs = Date.now() - started;
    process.stdout.write(`first screen (sign-in form usable) after ${firstScreenMs} ms\n`);
    writeFileSync(join(screenshotDir(), '../first-screen.json'), JSON.stringify({ firstScreenMs }));
    await shoot(page, 'sign-in');

    await signIn(page, await credentialOf({ role: 'dealer-manager', dealerId: 'd-001', userId: 'gm-1' }));
    expect(await page.textContent('a[data-nav=dashboard]')).toBe('经营看板');
    expect(await page.evaluate('sessionStorage.getItem("crm.credential")')).toMatch(/^crm_/);
    expect(await page.evaluate('localStorage.length')).toBe(0);

    await page.goto(`${origin}/#/dashboard?month=${MONTH}`);
    // The picker offers the manager's own dealer only.
    await page.waitForSelector('crm-dashboard select[name=dealer] option', { state: 'attached' });
    expect(await page.locator('crm-dashboard select[name=dealer] option').allTextContents()).toEqual([
      'd-001',
    ]);
    await expectDashboardShowsTheApi(
      page,
      api,
      await api.as({ role: 'dealer-manager', dealerId: 'd-001', userId: 'gm-1' }),
      'd-001',
      MONTH,
    );
    await shoot(page, 'dashboard-zh');

    const download = page.waitForEvent('download');
    await page.click('crm-kpi-panel[data-panel=workshop] button[data-csv=workshop]');
    const csv = await (await download).path();
    const lines = readFileSync(csv, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const shown = await tableValues(page, 'workshop', 'workshop');
    expect(lines.slice(1).map((line) => line.split(','))).toEqual(shown);

    await page.click('button[data-action=language]');
    await page.locator('a[data-nav=dashboard]', { hasText: 'Dashboard' }).waitFor();
    await shoot(page, 'dashboard-en');
    expect(problems).toEqual([]);
  });
  const panelState = (page: Page, panel: string) =>
    page.locator(`crm-kpi-panel[data-panel=${panel}] [data-state]`).first();

  it('holds a dealer-bound manager to their dealer: another dealer forced into the URL shows the refusal', async () => {
    const { page } = await openPage();
    await page.goto(`${origin}/`);
    await signIn(page, await credentialOf({ role: 'dealer-manager', dealerId: 'd-001', userId: 'gm-1' }));
    await page.goto(`${origin}/#/dashboard?dealer=d-002&month=${MONTH}`);
    for (const panel of ['funnel', 'satisfaction', 'retention', 'workshop', 'compliance', 'loyalty']) {
      await expect(panelState(page, panel).getAttribute('data-state')).resolves.toBe('refused');
      expect(await panelState(page, panel).textContent()).toContain('DEALER_FORBIDDEN');
    }
    expect(await page.locator('crm-dashboard table').count()).toBe(0);
    await shoot(page, 'dashboard-other-dealer-refused');
  });

  it('gives OEM staff the network and every dealer, and the hand-built dealer its two unacknowledged complaints', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${origin}/`);
    await signIn(page, await credentialOf({ role: 'oem-staff', userId: 'oem-1' }));
    expect(await page.textContent('a[data-nav=dashboard]')).toBe('Dashboard');
    await page.goto(`${origin}/#/dashboard?month=${MONTH}`);
    await page
      .locator('crm-dashboard select[name=dealer] option[value=d-web]')
      .waitFor({ state: 'attached' });
    const options = page.locator('crm-dashboard select[name=dealer] option');
    expect(await options.evaluateAll((all) => all.map((one) => one.getAttribute('value')))).toEqual([
      '',
      'd-001',
      'd-002',
      'd-web',
    ]);
    await expect(panelState(page, 'funnel').getAttribute('data-state')).resolves.toBe('needs-dealer');
    await shoot(page, 'dashboard-network');

    await page.goto(`${origin}/#/dashboard?dealer=d-web&month=${MONTH}`);
    // By hand: two complaints filed in March (10th and 12th), none acknowledged, resolved or closed by
    // 1 April; both acknowledgement deadlines (hours, not weeks) have passed, so 0 of 2 were on time, and
    // no deadline was recorded as missed (the deadline watcher does not run here).
    const [march] = await tableValues(page, 'compliance', 'compliance');
    expect(march).toEqual(['2024-03', '2', '0', march[3], '0', '0', '0', '0']);
    const cells = page.locator(
      'crm-kpi-panel[data-panel=compliance] table[data-table=compliance] tbody tr td',
    );
    expect(await cells.nth(2).textContent()).toBe('0.0%');
    expect(problems).toEqual([]);
  });

  it('opens a follow-up from the worklist as a record', async () => {
    const manager = await api.as({ role: 'dealer-manager', dealerId: 'd-001', userId: 'gm-1' });
    const list = (
      await api.request({ method: 'GET', url: '/prospects/worklist?dealerId=d-001', headers: manager })
    ).json() as { items: { prospectId: string }[] };
    const ids = list.items.map((item) => item.prospectId);
    expect(ids.length).toBeGreaterThan(0);
    const { page } = await openPage();
    await page.goto(`${origin}/`);
    await signIn(page, await credentialOf({ role: 'dealer-manager', dealerId: 'd-001', userId: 'gm-1' }));
    await page.goto(`${origin}/#/worklists?list=follow-ups`);
    const links = page.locator('crm-worklists a[data-open]');
    await links.first().waitFor();
    expect(await links.allTextContents()).toEqual(ids);
    await shoot(page, 'worklist-follow-ups');
    await links.first().click();
    await page.locator('crm-record [data-record]').waitFor();
    expect(await page.locator('crm-record dd[data-field=prospectId]').first().textContent()).toBe(ids[0]);
    await shoot(page, 'record-prospect');
  });

  it('pages a long worklist: 50 rows at a time, with where the page sits in the whole list', async () => {
    const manager = await api.as({ role: 'dealer-manager', dealerId: 'd-001', userId: 'gm-1' });
    const lists: [string, string][] = [
      ['follow-ups', '/prospects/worklist?dealerId=d-001'],
      ['service-callbacks', '/service/callbacks?dealerId=d-001&state=overdue'],
      ['complaints', '/complaints/worklist?dealerId=d-001'],
      ['delivery-callbacks', '/vehicle-sales/callbacks?dealerId=d-001'],
    ];
    const totals = await Promise.all(
      lists.map(
        async ([, url]) => (await api.request({ method: 'GET', url, headers: manager })).json().total,
      ),
    );
    process.stdout.write(
      `worklist totals for d-001: ${lists.map(([id], i) => `${id} ${totals[i]}`).join(', ')}\n`,
    );
    const long = lists.findIndex((_, i) => totals[i] > 50);
    expect(long).toBeGreaterThanOrEqual(0); // the seeded history has a list longer than one page
    const [id, url] = lists[long];
    const second = (
      await api.request({ method: 'GET', url: `${url}&limit=50&offset=50`, headers: manager })
    ).json() as { items: Record<string, string>[] };
    const { page } = await openPage();
    await page.goto(`${origin}/`);
    await signIn(page, await credentialOf({ role: 'dealer-manager', dealerId: 'd-001', userId: 'gm-1' }));
    await page.goto(`${origin}/#/worklists?list=${id}`);
    await page.locator('crm-worklists [data-range]').waitFor();
    expect(await page.locator('crm-worklists [data-range]').textContent()).toBe(`1–50 / ${totals[long]}`);
    expect(await page.locator('crm-worklists a[data-open]').count()).toBe(50);
    expect(await page.locator('crm-worklists a[data-page=previous]').count()).toBe(0);
    await page.locator('crm-worklists a[data-page=next]').click();
    await page.locator(`crm-worklists [data-range]:text("51–")`).waitFor();
    const firstKey = Object.keys(second.items[0]).find((key) => /Id$/.test(key) && key !== 'dealerId')!;
    expect(await page.locator('crm-worklists a[data-open]').allTextContents()).toEqual(
      second.items.map((item) => item[firstKey]),
    );
    await shoot(page, `worklist-${id}-page-2`);
    await page.locator('crm-worklists a[data-page=previous]').click();
    await page.locator(`crm-worklists [data-range]:text("1–50")`).waitFor();
  });

  it("shows the auditor a complaint's timeline, its hash chain and the access audit of the customer's file", async () => {
    const auditor = await api.as({ role: 'auditor', userId: 'au-1' });
    const { page, problems } = await openPage();
    await page.goto(`${origin}/`);
    await signIn(page, auditor.authorization.replace('Bearer ', ''));
    await page.goto(`${origin}/#/worklists?dealer=d-001&list=complaints`);
    const first = page.locator('crm-worklists a[data-open]').first();
    await first.waitFor();
    const complaintId = (await first.textContent())!;
    await shoot(page, 'worklist-complaints');
    await first.click();
    await page.locator('crm-complaint [data-intact]').waitFor();
    expect(await page.getAttribute('crm-complaint [data-intact]', 'data-intact')).toBe('true');
    const trail = (
      await api.request({ method: 'GET', url: `/complaints/${complaintId}/trail`, headers: auditor })
    ).json() as { stages: { stage: string }[] };
    expect(
      await page
        .locator('crm-complaint [data-stage]')
        .evaluateAll((all) => all.map((one) => one.getAttribute('data-stage'))),
    ).toEqual(trail.stages.map((stage) => stage.stage));
    await page.locator('crm-complaint table[data-table=access-audit]').waitFor();
    await shoot(page, 'complaint-timeline');
    expect(problems).toEqual([]);
  });

  it('tells a consultant the dashboard is not for their role, and signing out forgets the credential', async () => {
    const { page } = await openPage();
    await page.goto(`${origin}/`);
    await signIn(page, await credentialOf({ role: 'sales-consultant', dealerId: 'd-001', userId: 'sc-1' }));
    await page.goto(`${origin}/#/dashboard?month=${MONTH}`);
    await expect(panelState(page, 'funnel').getAttribute('data-state')).resolves.toBe('role-forbidden');
    expect(await panelState(page, 'funnel').textContent()).toBe('您的角色无权查看');
    await shoot(page, 'dashboard-consultant');
    await page.click('button[data-action=sign-out]');
    await page.locator('crm-sign-in input[name=credential]').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });
});
