import {
  normalisePhone,
  prospectPhoneDecider,
  prospectPhoneStreamId,
} from '../../../../src/domain/prospect/prospect-phone-index';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(prospectPhoneDecider);
const claim = (prospectId: string) => ({
  type: 'ClaimProspectPhone' as const,
  data: { dealerId: 'd-sh-01', phoneHash: 'ab'.repeat(32), prospectId },
  metadata: {
    now: '2026-03-02T02:00:00.000Z',
    actor: { userId: 'sc-li', role: 'sales-consultant', dealerId: 'd-sh-01' },
  },
});

describe('prospect phone index', () => {
  it('lets the first prospect claim a phone and names the owner to the next', () => {
    spec
      .given([])
      .when(claim('p-1'))
      .then([
        {
          type: 'ProspectPhoneClaimed',
          data: {
            dealerId: 'd-sh-01',
            phoneHash: 'ab'.repeat(32),
            prospectId: 'p-1',
            claimedAt: '2026-03-02T02:00:00.000Z',
          },
        },
      ]);
    spec
      .given([{ type: 'ProspectPhoneClaimed', data: { ...claim('p-1').data, claimedAt: 'x' } }])
      .when(claim('p-2'))
      .thenThrows('PROSPECT_PHONE_TAKEN', { prospectId: 'p-1' });
  });

  it('treats +86 138-0000-0001 and 13800000001 as the same phone', () => {
    expect(normalisePhone('+86 138-0000-0001')).toBe('13800000001');
    expect(normalisePhone('0086 13800000001')).toBe('13800000001');
    expect(normalisePhone('021-5555 0101')).toBe('02155550101');
  });

  it('names the stream by dealer and the first 32 hex digits of the hash, never the number', () => {
    expect(prospectPhoneStreamId('d-sh-01', 'ab'.repeat(32))).toBe(
      `prospectphone-d-sh-01_${'ab'.repeat(16)}`,
    );
  });
});
