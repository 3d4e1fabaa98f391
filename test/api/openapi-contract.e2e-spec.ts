import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTEGRATION_TYPES } from '../../src/application/integration/integration-mappings';
import { responseChecker } from '../support/openapi-responses';
import { startTestApp, type TestApp } from '../support/test-app';

type Response = { description: string; content?: Record<string, { schema?: Record<string, unknown> }> };
type Operation = { operationId: string; responses: Record<string, Response> };

/** The typed contract an integrator generates a client from (issue 16 §1); each answer is checked in test-app. */
describe('the OpenAPI document as a contract', () => {
  let api: TestApp;
  let operations: [string, Operation][];
  beforeAll(async () => {
    api = await startTestApp();
    const document = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, op]): [string, Operation] => [`${method} ${path}`, op]),
    );
  });
  afterAll(async () => {
    await api.close();
  });

  it('names every operation readably and once: record.method', () => {
    const ids = operations.map(([, op]) => op.operationId);
    expect(ids.filter((id) => !/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(id))).toEqual([]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids).toEqual(
      expect.arrayContaining(['complaint.acknowledge', 'repairOrder.settle', 'sales.funnel']),
    );
  });

  it('gives every success a schema, and every error the Problem schema with the codes it may carry', () => {
    const untyped: string[] = [];
    for (const [name, op] of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (status === '204') continue;
        const contents = Object.values(response.content ?? {});
        if (contents.length === 0 || contents.some(({ schema }) => !schema))
          untyped.push(`${name} ${status}`);
        // /health answers 503 with the health document itself, so that a probe reads what is down.
        if (!/^[45]/.test(status) || `${name} ${status}` === 'get /health 503') continue;
        const schema = response.content?.['application/problem+json']?.schema;
        const codes = (schema?.allOf as { properties?: { code?: { enum?: string[] } } }[] | undefined)?.[1]
          ?.properties?.code?.enum;
        if (!codes?.length) untyped.push(`${name} ${status}: no codes`);
      }
    }
    expect(untyped).toEqual([]);
  });

  it('documents the errors every route shares: a store down, a URL that is not text', () => {
    for (const [name, op] of operations) {
      expect([name, op.responses['503']?.description]).toEqual([
        name,
        expect.stringContaining('STORE_UNAVAILABLE'),
      ]);
      expect([name, op.responses['400']?.description]).toEqual([
        name,
        expect.stringContaining('MALFORMED_URL'),
      ]);
    }
  });

  // Schemas are named by class: two response or body classes of one name would document one shape for both.
  it('has one class per schema name', () => {
    const root = join(__dirname, '../../src/infrastructure/http');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
      /\.(responses|bodies)\.ts$/.test(file),
    );
    const names = files.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/^export class (\w+)/gm)].map((match) => match[1]),
    );
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('types the data of every integration event type in the feed, told apart by type', async () => {
    const document = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    const items = document.components.schemas.FeedPageView.properties.items.items;
    expect(Object.keys(items.discriminator.mapping).sort()).toEqual([...INTEGRATION_TYPES].sort());
    const settled = document.components.schemas.RepairOrderSettledEvent;
    expect(settled.properties.type.enum).toEqual(['com.dealer-crm.repair-order.settled.v1']);
    const check = responseChecker(document);
    const page = (data: object) => ({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [
          {
            specversion: '1.0',
            id: 'e-1',
            source: '/dealers/d-1/complaints/c-1',
            type: 'com.dealer-crm.complaint.reopened.v1',
            subject: 'c-1',
            time: '2026-03-02T01:00:00.000Z',
            datacontenttype: 'application/json',
            dealerid: 'd-1',
            data,
          },
        ],
        next: 'v1.1',
        caughtUp: true,
      }),
    });
    const reopened = {
      complaintId: 'c-1',
      reopenedAt: '2026-03-02T01:00:00.000Z',
      resolveBy: '2026-03-04T01:00:00.000Z',
    };
    expect(() => check('GET', '/feed', page(reopened))).not.toThrow();
    // The data of another type, or without a field of its own, does not match.
    expect(() =>
      check('GET', '/feed', page({ complaintId: 'c-1', reopenedAt: reopened.reopenedAt })),
    ).toThrow(/does not match/);
  });

  it('refuses an answer the document does not allow (the checker every request goes through can fail)', async () => {
    const document = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    const check = responseChecker(document);
    const problem = (code: string, status = 404) => ({
      statusCode: status,
      headers: { 'content-type': 'application/problem+json; charset=utf-8' },
      body: JSON.stringify({ type: 'urn:x', title: 'Not Found', status, detail: 'd', code }),
    });
    expect(() => check('GET', '/complaints/c-1', problem('COMPLAINT_NOT_FOUND'))).not.toThrow();
    expect(() => check('GET', '/complaints/c-1', problem('PROSPECT_NOT_FOUND'))).toThrow(/does not match/);
    expect(() => check('GET', '/complaints/c-1', problem('COMPLAINT_NOT_FOUND', 418))).toThrow(
      /does not document 418/,
    );
    const view = {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"complaintId":1}',
    };
    expect(() => check('GET', '/complaints/c-1', view)).toThrow(/does not match complaint.get/);
  });
});
