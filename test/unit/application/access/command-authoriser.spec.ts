import { authoriseCommand } from '../../../../src/application/access/command-authoriser';
import { complaintFeature } from '../../../../src/application/complaint/complaint.feature';
import { membershipFeature } from '../../../../src/application/membership/membership.feature';
import { prospectFeature } from '../../../../src/application/sales/prospect.feature';
import type { AnyFeature } from '../../../../src/application/shared/feature';
import type { Actor } from '../../../../src/domain/shared/event';

const actor = (role: string, dealerId: string | null, userId = 'u-1') => ({ userId, role, dealerId });
/** As the pipeline does: the feature says what the command acts on, the authoriser checks the principal. */
const authorise = (
  feature: AnyFeature,
  request: { streamId: string; state: unknown; command: { type: string; data: object }; actor: Actor },
) =>
  authoriseCommand({
    streamId: request.streamId,
    actor: request.actor,
    scope: feature.scope(request.state, request.command),
  });
const codeOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('authoriseCommand: the record check before deciding', () => {
  const complaint = { status: 'filed', dealerId: 'd-2' };

  it('lets a dealer-bound principal act on its own dealer and refuses another', () => {
    const command = { type: 'AcknowledgeComplaint', data: { complaintId: 'c-1' } };
    expect(
      codeOf(() =>
        authorise(complaintFeature, {
          streamId: 'complaint-c-1',
          state: complaint,
          command,
          actor: actor('customer-service', 'd-2'),
        }),
      ),
    ).toBeNull();
    expect(
      codeOf(() =>
        authorise(complaintFeature, {
          streamId: 'complaint-c-1',
          state: complaint,
          command,
          actor: actor('customer-service', 'd-1'),
        }),
      ),
    ).toBe('DEALER_FORBIDDEN');
  });

  it("takes a creation's dealer from the command, and a member's from its home dealer", () => {
    const file = { type: 'FileComplaint', data: { complaintId: 'c-9', dealerId: 'd-2' } };
    expect(
      codeOf(() =>
        authorise(complaintFeature, {
          streamId: 'complaint-c-9',
          state: { status: 'none' },
          command: file,
          actor: actor('dealer-manager', 'd-1'),
        }),
      ),
    ).toBe('DEALER_FORBIDDEN');
    const redeem = { type: 'RedeemPoints', data: { customerId: 'cu-1', points: 10 } };
    expect(
      codeOf(() =>
        authorise(membershipFeature, {
          streamId: 'membership-cu-1',
          state: { homeDealerId: 'd-2' },
          command: redeem,
          actor: actor('service-advisor', 'd-1'),
        }),
      ),
    ).toBe('DEALER_FORBIDDEN');
  });

  it("refuses a consultant on another's prospect but counts a repeat enquiry on it", () => {
    const state = { status: 'open', dealerId: 'd-1', consultantId: 'sc-other' };
    const me = actor('sales-consultant', 'd-1', 'sc-me');
    const grade = { type: 'GradeProspect', data: { prospectId: 'p-1', grade: 'H' } };
    const enquiry = { type: 'RecordEnquiry', data: { prospectId: 'p-1', channel: 'walk-in' } };
    expect(
      codeOf(() =>
        authorise(prospectFeature, { streamId: 'prospect-p-1', state, command: grade, actor: me }),
      ),
    ).toBe('OWNER_FORBIDDEN');
    expect(
      codeOf(() =>
        authorise(prospectFeature, { streamId: 'prospect-p-1', state, command: enquiry, actor: me }),
      ),
    ).toBeNull();
  });

  it('lets OEM staff register OEM leads only, at any dealer', () => {
    const register = (channel: string) => ({
      type: 'RegisterProspect',
      data: { prospectId: 'p-1', dealerId: 'd-7', channel },
    });
    const oem = actor('oem-staff', null);
    expect(
      codeOf(() =>
        authorise(prospectFeature, {
          streamId: 'prospect-p-1',
          state: { status: 'none' },
          command: register('oem-lead'),
          actor: oem,
        }),
      ),
    ).toBeNull();
    expect(
      codeOf(() =>
        authorise(prospectFeature, {
          streamId: 'prospect-p-1',
          state: { status: 'none' },
          command: register('walk-in'),
          actor: oem,
        }),
      ),
    ).toBe('OEM_LEADS_ONLY');
  });

  it('lets the dealer manager transfer a complaint to another dealer, not the desk', () => {
    const transfer = { type: 'AssignComplaint', data: { complaintId: 'c-1', dealerId: 'd-3' } };
    const state = { status: 'acknowledged', dealerId: 'd-1' };
    expect(
      codeOf(() =>
        authorise(complaintFeature, {
          streamId: 'complaint-c-1',
          state,
          command: transfer,
          actor: actor('dealer-manager', 'd-1'),
        }),
      ),
    ).toBeNull();
    expect(
      codeOf(() =>
        authorise(complaintFeature, {
          streamId: 'complaint-c-1',
          state,
          command: transfer,
          actor: actor('customer-service', 'd-1'),
        }),
      ),
    ).toBe('TRANSFER_FORBIDDEN');
    // A complaint not on file is nobody's: the dealer it would go to is not taken for its own.
    const notFiled = { status: 'none' };
    expect(
      codeOf(() =>
        authorise(complaintFeature, {
          streamId: 'complaint-c-1',
          state: notFiled,
          command: transfer,
          actor: actor('customer-service', 'd-1'),
        }),
      ),
    ).toBe('TRANSFER_FORBIDDEN');
    expect(
      codeOf(() =>
        authorise(complaintFeature, {
          streamId: 'complaint-c-1',
          state: notFiled,
          command: transfer,
          actor: actor('dealer-manager', 'd-1'),
        }),
      ),
    ).toBeNull();
  });

  it('leaves reactors, watchers and network-wide roles alone', () => {
    const command = { type: 'EarnPoints', data: { customerId: 'cu-1' } };
    const state = { homeDealerId: 'd-2' };
    for (const who of [
      actor('system', null, 'reactor:loyalty-earning'),
      actor('admin', null),
      actor('oem-staff', null),
    ])
      expect(
        codeOf(() =>
          authorise(membershipFeature, { streamId: 'membership-cu-1', state, command, actor: who }),
        ),
      ).toBeNull();
  });
});
