import { ALL_EVENT_TYPES } from '../../../../src/application/features';
import type { StoredEvent } from '../../../../src/application/ports/event-store.port';
import { EventCatalog, registrationsOf } from '../../../../src/application/shared/event-catalog';

const catalog = new EventCatalog(ALL_EVENT_TYPES);

const stored = (schemaVersion: number, customer: Record<string, string>): StoredEvent => ({
  eventId: 'e-1',
  type: 'OrderSigned',
  schemaVersion,
  data: { saleId: 's-1', customer, model: 'ID.4', signedAt: '2025-06-01T02:00:00.000Z' },
  occurredAt: '2025-06-01T02:00:00.000Z',
  metadata: {
    correlationId: 'c-1',
    causationId: null,
    actor: { userId: 'sc-li', role: 'sales-consultant', dealerId: 'd-1' },
  },
  streamId: 'vehiclesale-s-1',
  revision: 0,
  globalPosition: 1,
  recordedAt: '2025-06-01T02:00:00.000Z',
});

describe('OrderSigned schema v3 (the buyer profile)', () => {
  it('is written at v3', () => {
    expect(catalog.schemaVersionOf('OrderSigned')).toBe(3);
  });

  it('upcasts a v2 order (protected values) with no buyer profile, never reading its ID number', () => {
    const customer = { customerId: 'cu-1', name: 'pii:1:name:cu-1:a', idNumber: 'pii:1:idNumber:cu-1:b' };
    const upcast = catalog.upcast(stored(2, customer));
    expect(upcast.schemaVersion).toBe(3);
    expect(upcast.data).toEqual({ ...stored(2, customer).data, buyerProfile: null });
  });

  it('upcasts a v1 order (clear values) through v2 (tagged) to v3', () => {
    const upcast = catalog.upcast(stored(1, { customerId: 'cu-1', name: 'Wang', phone: '13800000001' }));
    expect(upcast.schemaVersion).toBe(3);
    expect(upcast.data.buyerProfile).toBeNull();
    expect((upcast.data.customer as Record<string, string>).name).toMatch(/^pii:0:name:cu-1:/);
  });

  it('refuses a feature upcaster on the version the personal-data upcaster already covers', () => {
    const declaration = {
      subject: 'customer.customerId',
      fields: { 'customer.name': 'name' },
      since: 2,
    } as const;
    expect(() =>
      registrationsOf({ X: 2 }, { X: declaration }, { X: { 1: (data) => ({ ...data }) } }),
    ).toThrow('X has two upcasters from version 1');
  });
});
