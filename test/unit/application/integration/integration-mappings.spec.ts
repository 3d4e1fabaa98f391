import { ALL_EVENT_TYPES } from '../../../../src/application/features';
import { decodeFeedCursor, encodeFeedCursor } from '../../../../src/application/integration/feed-cursor';
import {
  INTEGRATION_MAPPINGS,
  INTEGRATION_TYPES,
} from '../../../../src/application/integration/integration-mappings';
import { CREDENTIAL_EVENT_TYPES } from '../../../../src/domain/credential/credential.events';
import {
  DATA_SUBJECT_EVENT_TYPES,
  FILE_ACCESS_EVENT_TYPES,
} from '../../../../src/domain/privacy/privacy.events';

describe('integration events: the public mapping', () => {
  it('maps only event types the system writes, each to one versioned public type', () => {
    const written = new Set(ALL_EVENT_TYPES.map((registration) => registration.type));
    for (const internal of INTEGRATION_MAPPINGS.keys())
      expect([internal, written.has(internal)]).toEqual([internal, true]);
    expect(new Set(INTEGRATION_TYPES).size).toBe(INTEGRATION_TYPES.length);
    for (const type of INTEGRATION_TYPES) expect(type).toMatch(/^com\.dealer-crm\.[a-z-]+\.[a-z-]+\.v\d+$/);
  });

  it('never maps credentials, data subjects or file openings', () => {
    const secret = [
      ...Object.keys(CREDENTIAL_EVENT_TYPES),
      ...Object.keys(DATA_SUBJECT_EVENT_TYPES),
      ...Object.keys(FILE_ACCESS_EVENT_TYPES),
    ];
    expect(secret.length).toBeGreaterThan(3);
    for (const type of secret) expect(INTEGRATION_MAPPINGS.has(type)).toBe(false);
  });

  it('leaves free text out of the public data (it is not encrypted, so it could not be erased)', () => {
    const filed = INTEGRATION_MAPPINGS.get('ComplaintFiled')!;
    const data = filed.data({
      complaintId: 'c-1',
      dealerId: 'd-1',
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      level: 'L1',
      customer: { customerId: 'cu-1', name: 'pii:name', phone: 'pii:phone' },
      relatedSaleId: null,
      relatedRepairOrderId: null,
      description: 'my neighbour Li Lei saw it',
      remedySought: 'call me on 138',
      filedAt: '2026-03-02T01:00:00.000Z',
      slaPolicyVersion: 'v1',
      acknowledgeBy: '2026-03-03T01:00:00.000Z',
      resolveBy: '2026-03-09T01:00:00.000Z',
    });
    expect(data).not.toHaveProperty('description');
    expect(data).not.toHaveProperty('remedySought');
    expect(data.customer).toEqual({ customerId: 'cu-1', name: 'pii:name', phone: 'pii:phone' });
  });
});

describe('feed cursor', () => {
  it('round-trips a position and refuses what it did not give out', () => {
    for (const position of [0, 1, 35, 36, 1_000_000, Number.MAX_SAFE_INTEGER])
      expect(decodeFeedCursor(encodeFeedCursor(position))).toBe(position);
    expect(encodeFeedCursor(36)).toBe('v1.10');
    for (const bad of ['', '10', 'v1.', 'v1.-1', 'v1.1.5', 'v2.10', 'v1.ZZ', 'v1.zzzzzzzzzzzz'])
      expect([bad, decodeFeedCursor(bad)]).toEqual([bad, undefined]);
  });
});
