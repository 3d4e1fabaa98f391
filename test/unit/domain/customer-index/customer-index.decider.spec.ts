import {
  customerIndexDecider,
  customerIndexStreamId,
  type IndexCustomerContact,
  normalisePlate,
} from '../../../../src/domain/customer-index/customer-index';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(customerIndexDecider);
const HASH = 'c3'.repeat(32);
const NOW = '2026-03-01T02:00:00.000Z';
const actor = { userId: 'reactor:customer-index', role: 'system', dealerId: null };

const index = (customerId: string, dealerId: string): IndexCustomerContact => ({
  type: 'IndexCustomerContact',
  data: { kind: 'phone', hash: HASH, customerId, dealerId },
  metadata: { now: NOW, actor },
});
const indexed = (customerId: string, dealerId: string) =>
  ({
    type: 'CustomerContactIndexed',
    data: { kind: 'phone', hash: HASH, customerId, dealerId, indexedAt: NOW },
  }) as const;

describe('customer index: a blind index names a customer at a dealer once', () => {
  it('records a new pair', () =>
    spec
      .given([])
      .when(index('cu-1', 'd-1'))
      .then([indexed('cu-1', 'd-1')]));

  it('decides nothing for a pair already named', () =>
    spec
      .given([indexed('cu-1', 'd-1')])
      .when(index('cu-1', 'd-1'))
      .then([]));

  it('names another customer, or the same customer at another dealer, beside it', () => {
    spec
      .given([indexed('cu-1', 'd-1')])
      .when(index('cu-2', 'd-1'))
      .then([indexed('cu-2', 'd-1')]);
    spec
      .given([indexed('cu-1', 'd-1')])
      .when(index('cu-1', 'd-2'))
      .then([indexed('cu-1', 'd-2')]);
  });

  it('streams by kind and the hash, never a clear value', () =>
    expect(customerIndexStreamId('plate', HASH)).toBe(`customerindex-plate_${'c3'.repeat(16)}`));

  it('normalises plates as staff type them', () => {
    expect(normalisePlate('沪A·12345')).toBe('沪A12345');
    expect(normalisePlate(' 沪a 123-45 ')).toBe('沪A12345');
  });
});
