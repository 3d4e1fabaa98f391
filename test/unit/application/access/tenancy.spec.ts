import type { Principal } from '../../../../src/application/access/principal';
import { assertRecordVisible, onlyOwnDealer, scopeQuery } from '../../../../src/application/access/tenancy';
import { parseAuthorization } from '../../../../src/infrastructure/auth/credential-format';

const principal = (role: Principal['role'], dealerId: string | null, userId = 'u-1'): Principal => ({
  role,
  dealerId,
  userId,
  credentialId: 'k-1',
});
const codeOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('query tenancy', () => {
  it("fills in the own dealer, refuses another, and leaves network-wide roles' queries alone", () => {
    const query: Record<string, unknown> = { month: '2026-03' };
    scopeQuery(principal('dealer-manager', 'd-1'), 'dealer', query);
    expect(query).toEqual({ month: '2026-03', dealerId: 'd-1' });
    expect(codeOf(() => scopeQuery(principal('dealer-manager', 'd-1'), 'dealer', { dealerId: 'd-2' }))).toBe(
      'DEALER_FORBIDDEN',
    );
    const open: Record<string, unknown> = { dealerId: 'd-2' };
    scopeQuery(principal('oem-staff', null), 'dealer', open);
    expect(open).toEqual({ dealerId: 'd-2' });
  });

  it("pins a consultant's prospect lists to their own prospects", () => {
    const query: Record<string, unknown> = {};
    scopeQuery(principal('sales-consultant', 'd-1', 'sc-me'), 'dealer-and-consultant', query);
    expect(query).toEqual({ dealerId: 'd-1', consultantId: 'sc-me' });
    expect(
      codeOf(() =>
        scopeQuery(principal('sales-consultant', 'd-1', 'sc-me'), 'dealer-and-consultant', {
          consultantId: 'sc-x',
        }),
      ),
    ).toBe('OWNER_FORBIDDEN');
  });

  it('refuses detail records of another dealer or another consultant, item by item in a page', () => {
    const manager = principal('dealer-manager', 'd-1');
    expect(codeOf(() => assertRecordVisible(manager, { complaintId: 'c-1', dealerId: 'd-2' }))).toBe(
      'DEALER_FORBIDDEN',
    );
    expect(
      codeOf(() =>
        assertRecordVisible(manager, { items: [{ homeDealerId: 'd-1' }, { homeDealerId: 'd-2' }] }),
      ),
    ).toBe('DEALER_FORBIDDEN');
    expect(codeOf(() => assertRecordVisible(manager, { complaintId: 'c-1', dealerId: 'd-1' }))).toBeNull();
    const me = principal('sales-consultant', 'd-1', 'sc-me');
    expect(
      codeOf(() => assertRecordVisible(me, { prospectId: 'p-1', dealerId: 'd-1', consultantId: 'sc-x' })),
    ).toBe('OWNER_FORBIDDEN');
    expect(codeOf(() => assertRecordVisible(principal('auditor', null), { dealerId: 'd-9' }))).toBeNull();
  });

  it("keeps only the own dealer's entries of a cross-dealer answer", () => {
    const entries = [
      { dealerId: 'd-1', n: 1 },
      { dealerId: 'd-2', n: 2 },
    ];
    expect(onlyOwnDealer(principal('service-advisor', 'd-2'), entries)).toEqual([{ dealerId: 'd-2', n: 2 }]);
    expect(onlyOwnDealer(principal('analyst', null), entries)).toEqual(entries);
  });
});

describe('reading the Authorization header', () => {
  it('recognises API keys and signed tokens, and nothing else', () => {
    const id = '0b6c1d52-9f3e-4c55-8d41-0123456789ab';
    const secret = 'a_b-'.repeat(10) + 'xyz';
    expect(parseAuthorization(`Bearer crm_${id}_${secret}`)).toEqual({
      kind: 'api-key',
      credentialId: id,
      secret,
    });
    expect(parseAuthorization('bearer aa.bb.cc')).toEqual({ kind: 'token', token: 'aa.bb.cc' });
    expect(parseAuthorization('Basic YWRtaW46YWRtaW4=')).toBeNull();
    expect(parseAuthorization(`Bearer crm_${id}_short`)).toBeNull();
  });
});
