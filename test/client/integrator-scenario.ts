import createClient from 'openapi-fetch';
// Generated from /docs-json by the test (test/client/generated-client.e2e-spec.ts); git-ignored.
import type { paths } from './generated/schema';

/**
 * What an integrator writes against the generated client: file a complaint from the hotline, read it back,
 * acknowledge it with the ETag it was given, and meet a typed refusal. Type-checked against the generated
 * types (a drift between the document and this code fails to compile), then run against a live server.
 */
export const integratorScenario = async (baseUrl: string, token: string) => {
  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  const filed = await client.POST('/complaints', {
    params: { header: { 'Idempotency-Key': 'hotline-call-1' } },
    body: {
      complaintId: 'c-client-1',
      dealerId: 'd-sh-01',
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      customer: { customerId: 'cu-c1', name: '李雷', phone: '13900001111' },
      description: 'Brake noise after the repair',
      remedySought: 'free re-repair',
    },
  });
  if (!filed.data) throw new Error(`filing failed: ${JSON.stringify(filed.error)}`);
  const read = await client.GET('/complaints/{complaintId}', {
    params: { path: { complaintId: filed.data.id } },
  });
  if (!read.data) throw new Error(`read failed: ${JSON.stringify(read.error)}`);
  const acknowledged = await client.POST('/complaints/{complaintId}/acknowledge', {
    params: {
      path: { complaintId: 'c-client-1' },
      header: { 'If-Match': read.response.headers.get('etag') ?? undefined },
    },
    body: {},
  });
  const again = await client.POST('/complaints/{complaintId}/acknowledge', {
    params: { path: { complaintId: 'c-client-1' } },
    body: {},
  });
  return {
    filedRevision: filed.data.revision,
    status: read.data.status,
    level: read.data.level,
    acknowledgedRevision: acknowledged.data?.revision,
    refusal: { status: again.response.status, code: again.error?.code },
  };
};
