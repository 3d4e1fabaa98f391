import type { ComplaintCommand } from '../../../../src/domain/complaint/complaint.commands';
import { createComplaintDecider } from '../../../../src/domain/complaint/complaint.decider';
import type { ComplaintEvent } from '../../../../src/domain/complaint/complaint.events';
import type { FiledComplaint } from '../../../../src/domain/complaint/complaint.state';
import { deciderSpecification } from '../../../support/decider-specification';

const decider = createComplaintDecider();
const spec = deciderSpecification(decider);
const crm = { userId: 'u-crm-2', role: 'customer-service', dealerId: 'd-sh-01' };
const sweeper = { userId: 'system:deadline-watcher', role: 'system', dealerId: null };

const command = (type: ComplaintCommand['type'], now: string, data: object = {}): ComplaintCommand =>
  ({
    type,
    data: { complaintId: 'c-8', ...data },
    metadata: { now, actor: type === 'RecordMissedDeadlines' ? sweeper : crm },
  }) as ComplaintCommand;

// Issue 13's case: filed 2026-10-08 09:00 +08:00 as a general L1 complaint (24 h to acknowledge, 72 h to resolve).
const FILED_AT = '2026-10-08T01:00:00.000Z';
const file = command('FileComplaint', FILED_AT, {
  dealerId: 'd-sh-01',
  channel: 'hotline',
  category: 'service',
  severity: 'general',
  customer: { customerId: 'cu-9', name: 'Wang Fang', phone: '13812345678' },
  description: 'Brake noise came back',
  remedySought: 'free re-repair',
});
const SWEEP_AT = '2026-12-01T02:00:00.000Z';

/** Runs commands in arrival order through the decider, as the pipeline does. */
const run = (...commands: ComplaintCommand[]): ComplaintEvent[] =>
  commands.reduce<ComplaintEvent[]>(
    (events, next) => [
      ...events,
      ...decider.decide(next, events.reduce(decider.evolve, decider.initialState())),
    ],
    [],
  );
const stateOf = (events: readonly ComplaintEvent[]) =>
  events.reduce(decider.evolve, decider.initialState()) as FiledComplaint;

describe('complaint decider: business time decides, not arrival', () => {
  it('stamps every automatic decision with the time it fell due, and runs the clock on from there', () => {
    const swept = run(file, command('RecordMissedDeadlines', SWEEP_AT));
    // L1 ack due 10-09 01:00 → L2 (8 h: 09:00, upper level 24 h: 10-10 01:00) → L3 (4 h: 13:00) → top level.
    // Resolution due 10-11 01:00 and L3's upper-level deadline (10-10 09:00) pass at L3: recorded, no escalation.
    expect(
      swept.slice(1).map((e) => [e.type, e.type === 'ComplaintEscalated' ? e.data.escalatedAt : e.data]),
    ).toEqual([
      [
        'ComplaintDeadlineMissed',
        expect.objectContaining({ clock: 'acknowledge', level: 'L1', dueBy: '2026-10-09T01:00:00.000Z' }),
      ],
      ['ComplaintEscalated', '2026-10-09T01:00:00.000Z'],
      [
        'ComplaintDeadlineMissed',
        expect.objectContaining({ clock: 'acknowledge', level: 'L2', dueBy: '2026-10-09T09:00:00.000Z' }),
      ],
      ['ComplaintEscalated', '2026-10-09T09:00:00.000Z'],
      [
        'ComplaintDeadlineMissed',
        expect.objectContaining({ clock: 'acknowledge', level: 'L3', dueBy: '2026-10-09T13:00:00.000Z' }),
      ],
      [
        'ComplaintDeadlineMissed',
        expect.objectContaining({ clock: 'upper-level', level: 'L3', dueBy: '2026-10-10T09:00:00.000Z' }),
      ],
      [
        'ComplaintDeadlineMissed',
        expect.objectContaining({ clock: 'resolve', level: 'L1', dueBy: '2026-10-11T01:00:00.000Z' }),
      ],
    ]);
    expect(stateOf(swept).clocks.every((clock) => clock.missed)).toBe(true);
  });

  it('withdraws the decisions an on-time acknowledgement synced late was in time for, and decides it at L1', () => {
    const swept = run(file, command('RecordMissedDeadlines', SWEEP_AT));
    spec
      .given(swept)
      .when(command('AcknowledgeComplaint', '2026-10-08T06:00:00.000Z'))
      .then([
        {
          type: 'ComplaintDecisionsWithdrawn',
          data: {
            complaintId: 'c-8',
            dealerId: 'd-sh-01',
            lateFactAt: '2026-10-08T06:00:00.000Z',
            decisions: [
              { kind: 'deadline-missed', at: '2026-10-09T01:00:00.000Z', clock: 'acknowledge', level: 'L1' },
              { kind: 'escalated', at: '2026-10-09T01:00:00.000Z', from: 'L1', to: 'L2' },
              { kind: 'deadline-missed', at: '2026-10-09T09:00:00.000Z', clock: 'acknowledge', level: 'L2' },
              { kind: 'escalated', at: '2026-10-09T09:00:00.000Z', from: 'L2', to: 'L3' },
              { kind: 'deadline-missed', at: '2026-10-09T13:00:00.000Z', clock: 'acknowledge', level: 'L3' },
              { kind: 'deadline-missed', at: '2026-10-10T09:00:00.000Z', clock: 'upper-level', level: 'L3' },
              { kind: 'deadline-missed', at: '2026-10-11T01:00:00.000Z', clock: 'resolve', level: 'L1' },
            ],
          },
        },
        {
          type: 'ComplaintAcknowledged',
          data: {
            complaintId: 'c-8',
            dealerId: 'd-sh-01',
            acknowledgedAt: '2026-10-08T06:00:00.000Z',
            note: null,
            acknowledgeBy: '2026-10-09T01:00:00.000Z',
            onTime: true,
          },
        },
      ]);
  });

  it('ends where the same history sent before any sweep ends: at L1, closed, nothing missed', () => {
    const steps = [
      command('AcknowledgeComplaint', '2026-10-08T06:00:00.000Z'),
      command('ProposeResolution', '2026-10-09T02:00:00.000Z', { remedyOffered: 'free re-repair' }),
      command('RecordResolutionResponse', '2026-10-09T03:00:00.000Z', { accepted: true }),
      command('ResolveComplaint', '2026-10-10T02:00:00.000Z'),
      command('RecordCallback', '2026-10-10T08:00:00.000Z', { reached: true, satisfaction: 'satisfied' }),
      command('CloseComplaint', '2026-10-10T09:00:00.000Z'),
    ];
    const inOrder = stateOf(run(file, ...steps, command('RecordMissedDeadlines', SWEEP_AT)));
    const late = run(
      file,
      command('RecordMissedDeadlines', SWEEP_AT),
      ...steps,
      command('RecordMissedDeadlines', SWEEP_AT),
    );
    expect(stateOf(late)).toEqual(inOrder);
    expect(inOrder).toMatchObject({ status: 'closed', level: 'L1', clocks: [] });
    // Nothing escalated after the withdrawal: the later steps were all in time.
    const afterWithdrawal = late.slice(late.findIndex((e) => e.type === 'ComplaintDecisionsWithdrawn'));
    expect(afterWithdrawal.filter((e) => e.type === 'ComplaintEscalated')).toEqual([]);
  });

  it('refuses a step dated before the last step that moved the clocks (422), and nothing is appended', () => {
    const acknowledged = run(file, command('AcknowledgeComplaint', '2026-10-08T06:00:00.000Z'));
    spec
      .given(acknowledged)
      .when(command('ProposeResolution', '2026-10-08T05:00:00.000Z', { remedyOffered: 'free re-repair' }))
      .thenThrows('COMPLAINT_FACT_OUT_OF_ORDER', {
        complaintId: 'c-8',
        lastFactAt: '2026-10-08T06:00:00.000Z',
        at: '2026-10-08T05:00:00.000Z',
      });
  });

  it('takes a contact dated anywhere after filing, and keeps it when a later fact withdraws decisions', () => {
    const history = run(
      file,
      command('RecordMissedDeadlines', SWEEP_AT),
      command('RecordCustomerContact', '2026-10-08T03:00:00.000Z', {
        channel: 'phone',
        summary: 'called back',
      }),
      command('AddInvestigationNote', '2026-10-08T04:00:00.000Z', { note: 'pads worn' }),
      command('AcknowledgeComplaint', '2026-10-08T06:00:00.000Z'),
    );
    const state = stateOf(history);
    // The note moved the stage to investigating; the withdrawal restored the state before the sweep with it.
    expect(state).toMatchObject({
      status: 'investigating',
      level: 'L1',
      acknowledgedAt: '2026-10-08T06:00:00.000Z',
    });
    expect(state.clocks.map((clock) => [clock.clock, clock.missed])).toEqual([['resolve', false]]);
  });

  it('keeps a decision the late fact was not in time for: an acknowledgement after the deadline', () => {
    const swept = run(file, command('RecordMissedDeadlines', '2026-10-09T02:00:00.000Z'));
    // Swept at 10-09 02:00: the L1 miss (01:00) and the escalation to L2 (ack by 09:00) are recorded.
    const [withdrawal, ...rest] = decider.decide(
      command('AcknowledgeComplaint', '2026-10-09T05:00:00.000Z'),
      stateOf(swept),
    );
    // 05:00 was too late for L1's deadline, in time for L2's: nothing is withdrawn, L2 acknowledges on time.
    expect([withdrawal, ...rest].map((e) => e.type)).toEqual(['ComplaintAcknowledged']);
    expect(withdrawal?.data).toMatchObject({ acknowledgeBy: '2026-10-09T09:00:00.000Z', onTime: true });
  });
});
