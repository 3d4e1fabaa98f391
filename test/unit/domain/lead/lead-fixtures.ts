import type { LeadCommand } from '../../../../src/domain/lead/lead.commands';
import type { LeadEvent } from '../../../../src/domain/lead/lead.events';
import type { Actor } from '../../../../src/domain/shared/event';

export const OEM: Actor = { userId: 'oem-zhao', role: 'oem-staff', dealerId: null };
export const SC: Actor = { userId: 'sc-li', role: 'sales-consultant', dealerId: 'd-1' };
export const WATCHER: Actor = { userId: 'system:lead-return', role: 'system', dealerId: null };

/** Handed 2026-03-02 10:00 UTC: accept by 03-03 10:00 (24 h). */
export const HANDED_AT = '2026-03-02T10:00:00.000Z';
export const ACCEPT_BY = '2026-03-03T10:00:00.000Z';
export const ON = { leadId: 'l-1', handing: 1, dealerId: 'd-1' };

export const handed: LeadEvent = {
  type: 'LeadHanded',
  data: {
    ...ON,
    source: 'hotline',
    model: 'ID.4',
    customer: { customerId: 'cu-1', name: 'Wang Fang', phone: '13800000001' },
    phoneHash: 'phone-hmac-1',
    campaignId: null,
    handedBy: OEM.userId,
    handedAt: HANDED_AT,
    acceptBy: ACCEPT_BY,
    clockPolicyVersion: 'lead-clocks-2026-12',
  },
};

export const accepted = (acceptedAt: string, contactBy: string): LeadEvent => ({
  type: 'LeadAccepted',
  data: { ...ON, acceptedBy: SC.userId, acceptedAt, contactBy },
});

export const contacted = (contactedAt: string): LeadEvent => ({
  type: 'LeadContacted',
  data: { ...ON, contactedBy: SC.userId, note: null, contactedAt },
});

export const returned = (reason: 'not-accepted' | 'not-contacted', at: string, on = ON): LeadEvent => ({
  type: 'LeadReturned',
  data: { ...on, reason, deadline: at, returnedAt: at },
});

export const command = <C extends LeadCommand>(
  type: C['type'],
  data: C['data'],
  now: string,
  actor: Actor = SC,
): LeadCommand => ({ type, data, metadata: { now, actor } }) as LeadCommand;
