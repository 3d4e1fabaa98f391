import { createLeadDecider } from '../../../../src/domain/lead/lead.decider';
import { deciderSpecification } from '../../../support/decider-specification';
import {
  ACCEPT_BY,
  accepted,
  command,
  contacted,
  handed,
  HANDED_AT,
  OEM,
  ON,
  returned,
  WATCHER,
} from './lead-fixtures';

const spec = deciderSpecification(createLeadDecider());

describe('lead decider: handing, clocks, return', () => {
  it('hands a lead to one dealer and starts the 24 h acceptance clock', () =>
    spec
      .given([])
      .when(
        command(
          'HandLead',
          {
            leadId: 'l-1',
            dealerId: 'd-1',
            source: 'hotline',
            model: 'ID.4',
            customer: { customerId: 'cu-1', name: 'Wang Fang', phone: '13800000001' },
            phoneHash: 'phone-hmac-1',
          },
          HANDED_AT,
          OEM,
        ),
      )
      .then([handed]));

  it('refuses a second handing of the same id', () =>
    spec
      .given([handed])
      .when(
        command(
          'HandLead',
          {
            leadId: 'l-1',
            dealerId: 'd-2',
            source: 'website',
            model: 'ID.4',
            customer: { customerId: 'cu-1', name: 'Wang Fang', phone: '13800000001' },
            phoneHash: 'phone-hmac-1',
          },
          HANDED_AT,
          OEM,
        ),
      )
      .thenThrows('LEAD_ALREADY_HANDED'));

  it('accepts exactly 24 h after the handing (inclusive) and starts the 48 h contact clock', () =>
    spec
      .given([handed])
      .when(command('AcceptLead', { leadId: 'l-1' }, ACCEPT_BY))
      // 03-03 10:00 + 48 h = 03-05 10:00
      .then([accepted(ACCEPT_BY, '2026-03-05T10:00:00.000Z')]));

  it('refuses an acceptance one millisecond after the clock ran out, sweep or not', () => {
    spec
      .given([handed])
      .when(command('AcceptLead', { leadId: 'l-1' }, '2026-03-03T10:00:00.001Z'))
      .thenThrows('LEAD_CLOCK_RAN_OUT', { deadline: ACCEPT_BY });
    spec
      .given([handed, returned('not-accepted', ACCEPT_BY)])
      .when(command('AcceptLead', { leadId: 'l-1' }, '2026-03-03T10:00:00.001Z'))
      .thenThrows('LEAD_CLOCK_RAN_OUT', { deadline: ACCEPT_BY });
  });

  it('refuses an acceptance dated before the handing', () =>
    spec
      .given([handed])
      .when(command('AcceptLead', { leadId: 'l-1' }, '2026-03-02T09:59:59.000Z'))
      .thenThrows('LEAD_FACT_OUT_OF_ORDER'));

  it('the sweep returns an unaccepted lead at the deadline that passed, not at the sweep time', () =>
    spec
      .given([handed])
      .when(command('ReturnOverdueLead', { leadId: 'l-1' }, '2026-03-04T08:00:00.000Z', WATCHER))
      .then([returned('not-accepted', ACCEPT_BY)]));

  it('the sweep records nothing while the clock runs (exactly at the deadline is still on time)', () =>
    spec
      .given([handed])
      .when(command('ReturnOverdueLead', { leadId: 'l-1' }, ACCEPT_BY, WATCHER))
      .then([]));

  it('returns an accepted lead not contacted within 48 h of the acceptance', () =>
    spec
      .given([handed, accepted('2026-03-02T12:00:00.000Z', '2026-03-04T12:00:00.000Z')])
      .when(command('ReturnOverdueLead', { leadId: 'l-1' }, '2026-03-05T00:00:00.000Z', WATCHER))
      .then([returned('not-contacted', '2026-03-04T12:00:00.000Z')]));

  it('a late acceptance dated in time withdraws the return and is accepted as in business-time order', () =>
    spec
      .given([handed, returned('not-accepted', ACCEPT_BY)])
      .when(command('AcceptLead', { leadId: 'l-1' }, '2026-03-03T09:00:00.000Z'))
      .then([
        {
          type: 'LeadDecisionsWithdrawn',
          data: {
            ...ON,
            lateFactAt: '2026-03-03T09:00:00.000Z',
            decisions: [{ kind: 'returned', handing: 1, reason: 'not-accepted', at: ACCEPT_BY }],
          },
        },
        accepted('2026-03-03T09:00:00.000Z', '2026-03-05T09:00:00.000Z'),
      ]));

  it('a late contact dated in time withdraws the contact-clock return', () =>
    spec
      .given([
        handed,
        accepted('2026-03-02T12:00:00.000Z', '2026-03-04T12:00:00.000Z'),
        returned('not-contacted', '2026-03-04T12:00:00.000Z'),
      ])
      .when(command('RecordLeadContact', { leadId: 'l-1' }, '2026-03-04T12:00:00.000Z'))
      .then([
        {
          type: 'LeadDecisionsWithdrawn',
          data: {
            ...ON,
            lateFactAt: '2026-03-04T12:00:00.000Z',
            decisions: [
              { kind: 'returned', handing: 1, reason: 'not-contacted', at: '2026-03-04T12:00:00.000Z' },
            ],
          },
        },
        contacted('2026-03-04T12:00:00.000Z'),
      ]));

  it('a withdrawn return leaves the lead as before it: the sweep may return it again on the next clock', () =>
    spec
      .given([
        handed,
        returned('not-accepted', ACCEPT_BY),
        {
          type: 'LeadDecisionsWithdrawn',
          data: {
            ...ON,
            lateFactAt: '2026-03-02T11:00:00.000Z',
            decisions: [{ kind: 'returned', handing: 1, reason: 'not-accepted', at: ACCEPT_BY }],
          },
        },
        accepted('2026-03-02T11:00:00.000Z', '2026-03-04T11:00:00.000Z'),
      ])
      .when(command('ReturnOverdueLead', { leadId: 'l-1' }, '2026-03-06T00:00:00.000Z', WATCHER))
      .then([returned('not-contacted', '2026-03-04T11:00:00.000Z')]));
});

describe('lead decider: contact before acceptance, hand again', () => {
  it('refuses a contact on a lead not yet accepted with a clear 422 code', () =>
    spec
      .given([handed])
      .when(command('RecordLeadContact', { leadId: 'l-1' }, '2026-03-02T11:00:00.000Z'))
      .thenThrows('LEAD_NOT_ACCEPTED'));

  it('takes the same contact again once the acceptance is in', () =>
    spec
      .given([handed, accepted('2026-03-02T12:00:00.000Z', '2026-03-04T12:00:00.000Z')])
      .when(command('RecordLeadContact', { leadId: 'l-1' }, '2026-03-02T13:00:00.000Z'))
      .then([contacted('2026-03-02T13:00:00.000Z')]));

  it('refuses a contact dated before the acceptance', () =>
    spec
      .given([handed, accepted('2026-03-02T12:00:00.000Z', '2026-03-04T12:00:00.000Z')])
      .when(command('RecordLeadContact', { leadId: 'l-1' }, '2026-03-02T11:00:00.000Z'))
      .thenThrows('LEAD_FACT_OUT_OF_ORDER'));

  it('refuses to hand again a lead that is not returned', () =>
    spec
      .given([handed])
      .when(command('HandLeadAgain', { leadId: 'l-1', dealerId: 'd-2' }, '2026-03-03T12:00:00.000Z', OEM))
      .thenThrows('LEAD_NOT_RETURNED'));

  it('hands a returned lead again to another dealer, with a new acceptance clock', () =>
    spec
      .given([handed, returned('not-accepted', ACCEPT_BY)])
      .when(
        command(
          'HandLeadAgain',
          { leadId: 'l-1', dealerId: 'd-2', note: 'd-1 too busy' },
          '2026-03-03T12:00:00.000Z',
          OEM,
        ),
      )
      .then([
        {
          type: 'LeadHandedAgain',
          data: {
            leadId: 'l-1',
            handing: 2,
            dealerId: 'd-2',
            previousDealerId: 'd-1',
            note: 'd-1 too busy',
            handedBy: OEM.userId,
            handedAt: '2026-03-03T12:00:00.000Z',
            acceptBy: '2026-03-04T12:00:00.000Z',
            clockPolicyVersion: 'lead-clocks-2026-12',
          },
        },
      ]));

  it('refuses a late acceptance for an earlier handing once the lead was handed again (to the same dealer)', () =>
    spec
      .given([
        handed,
        returned('not-accepted', ACCEPT_BY),
        {
          type: 'LeadHandedAgain',
          data: {
            leadId: 'l-1',
            handing: 2,
            dealerId: 'd-1',
            previousDealerId: 'd-1',
            note: null,
            handedBy: OEM.userId,
            handedAt: '2026-03-03T12:00:00.000Z',
            acceptBy: '2026-03-04T12:00:00.000Z',
            clockPolicyVersion: 'lead-clocks-2026-12',
          },
        },
      ])
      .when(command('AcceptLead', { leadId: 'l-1' }, '2026-03-03T09:00:00.000Z'))
      .thenThrows('LEAD_HANDED_AGAIN', { handedAt: '2026-03-03T12:00:00.000Z' }));
});

describe('lead decider: prospect file and outcome', () => {
  const contactedLead = [
    handed,
    accepted('2026-03-02T12:00:00.000Z', '2026-03-04T12:00:00.000Z'),
    contacted('2026-03-02T13:00:00.000Z'),
  ];
  const linked = {
    type: 'LeadProspectLinked' as const,
    data: { ...ON, prospectId: 'p-1', merged: true, linkedAt: '2026-03-02T14:00:00.000Z' },
  };

  it('links the prospect file after the contact, and refuses it before', () => {
    spec
      .given(contactedLead)
      .when(
        command(
          'LinkLeadProspect',
          { leadId: 'l-1', prospectId: 'p-1', merged: true },
          '2026-03-02T14:00:00.000Z',
        ),
      )
      .then([linked]);
    spec
      .given(contactedLead.slice(0, 2))
      .when(
        command(
          'LinkLeadProspect',
          { leadId: 'l-1', prospectId: 'p-1', merged: false },
          '2026-03-02T14:00:00.000Z',
        ),
      )
      .thenThrows('LEAD_NOT_CONTACTED');
  });

  it("records the prospect's order as the conversion, once", () => {
    const converted = {
      type: 'LeadConverted' as const,
      data: { ...ON, prospectId: 'p-1', saleId: 's-1', orderedAt: '2026-04-10T02:00:00.000Z' },
    };
    spec
      .given([...contactedLead, linked])
      .when(
        command(
          'RecordLeadConversion',
          { leadId: 'l-1', prospectId: 'p-1', saleId: 's-1', orderedAt: '2026-04-10T02:00:00.000Z' },
          '2026-04-10T02:00:00.000Z',
          WATCHER,
        ),
      )
      .then([converted]);
    spec
      .given([...contactedLead, linked, converted])
      .when(
        command(
          'RecordLeadConversion',
          { leadId: 'l-1', prospectId: 'p-1', saleId: 's-1', orderedAt: '2026-04-10T02:00:00.000Z' },
          '2026-04-10T02:00:00.000Z',
          WATCHER,
        ),
      )
      .then([]);
  });

  it('refuses a conversion from a prospect the lead is not linked to', () =>
    spec
      .given([...contactedLead, linked])
      .when(
        command(
          'RecordLeadConversion',
          { leadId: 'l-1', prospectId: 'p-9', saleId: 's-1', orderedAt: '2026-04-10T02:00:00.000Z' },
          '2026-04-10T02:00:00.000Z',
          WATCHER,
        ),
      )
      .thenThrows('LEAD_NOT_LINKED'));

  it('lets the dealer close a contacted lead with a reason, but not one that became a prospect file', () => {
    spec
      .given(contactedLead)
      .when(command('LoseLead', { leadId: 'l-1', reason: 'price' }, '2026-03-03T10:00:00.000Z'))
      .then([
        {
          type: 'LeadLost',
          data: {
            ...ON,
            reason: 'price',
            note: null,
            lostBy: 'dealer',
            prospectId: null,
            lostAt: '2026-03-03T10:00:00.000Z',
          },
        },
      ]);
    spec
      .given([...contactedLead, linked])
      .when(command('LoseLead', { leadId: 'l-1', reason: 'price' }, '2026-03-03T10:00:00.000Z'))
      .thenThrows('LEAD_LINKED_TO_PROSPECT');
  });

  it("follows the linked prospect's loss", () =>
    spec
      .given([...contactedLead, linked])
      .when(
        command(
          'RecordLeadProspectLoss',
          {
            leadId: 'l-1',
            prospectId: 'p-1',
            reason: 'bought-competitor-brand',
            lostAt: '2026-03-20T02:00:00.000Z',
          },
          '2026-03-20T02:00:00.000Z',
          WATCHER,
        ),
      )
      .then([
        {
          type: 'LeadLost',
          data: {
            ...ON,
            reason: 'bought-competitor-brand',
            note: null,
            lostBy: 'prospect',
            prospectId: 'p-1',
            lostAt: '2026-03-20T02:00:00.000Z',
          },
        },
      ]));
});
