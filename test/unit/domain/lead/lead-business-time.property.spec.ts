import fc from 'fast-check';
import type { LeadCommand } from '../../../../src/domain/lead/lead.commands';
import { createLeadDecider } from '../../../../src/domain/lead/lead.decider';
import type { LeadEvent } from '../../../../src/domain/lead/lead.events';
import type { LeadState } from '../../../../src/domain/lead/lead.state';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import type { Actor } from '../../../../src/domain/shared/event';
import { leadDetailsProjection } from '../../../../src/projections/lead-details/lead-details.projection';
import { leadHandingsProjection } from '../../../../src/projections/lead-handings/lead-handings.projection';
import type { Envelope } from '../../../../src/projections/shared/projection';
import { OEM, SC, WATCHER } from './lead-fixtures';

/*
 * Business time decides, as a property of the lead alone (no store): the dealer's facts of one lead are
 * sent once in business-time order with the sweep only at the end, and once with sweeps at random wall-clock
 * times between them (each no earlier than the last fact sent, as a live sweep). Every fact must get the
 * same answer (done, or the same refusal code), and the lead, its shown fields and its KPI handing must end
 * the same. Facts land on and around both deadlines, exactly on them too.
 */
const decider = createLeadDecider();
const HANDED_AT = Date.parse('2026-03-02T02:00:00.000Z');
const HOUR = 3_600_000;
const END = new Date(HANDED_AT + 300 * HOUR).toISOString();
const at = (ms: number) => new Date(ms).toISOString();

type Fact = Readonly<{ type: 'AcceptLead' | 'RecordLeadContact' | 'LoseLead'; at: string }>;

/** Offsets around a deadline: well before, exactly on it, one minute after, well after. */
const around = (deadlineHours: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: deadlineHours * 60 + 120 }).map((minutes) => minutes * 60_000),
    fc.constantFrom(deadlineHours * HOUR, deadlineHours * HOUR + 60_000),
  );

const history = fc
  .record({
    accept: fc.option(around(24), { nil: null }),
    contactAfterAccept: fc.option(
      fc.integer({ min: -60, max: 48 * 60 + 120 }).map((m) => m * 60_000),
      { nil: null },
    ),
    contactBeforeAccept: fc.boolean(),
    lose: fc.boolean(),
  })
  .map(({ accept, contactAfterAccept, contactBeforeAccept, lose }): Fact[] => {
    const facts: Fact[] = [];
    const acceptedAt = accept === null ? null : HANDED_AT + accept;
    if (contactBeforeAccept) facts.push({ type: 'RecordLeadContact', at: at(HANDED_AT + 30 * 60_000) });
    if (acceptedAt !== null) facts.push({ type: 'AcceptLead', at: at(acceptedAt) });
    if (acceptedAt !== null && contactAfterAccept !== null) {
      const contactedAt = acceptedAt + contactAfterAccept;
      facts.push({ type: 'RecordLeadContact', at: at(contactedAt) });
      if (lose) facts.push({ type: 'LoseLead', at: at(contactedAt + HOUR) });
    }
    return facts.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  });

type Run = { events: LeadEvent[]; state: LeadState; answers: string[] };

const send = (run: Run, command: LeadCommand): string => {
  try {
    const events = decider.decide(command, run.state);
    run.events.push(...events);
    run.state = events.reduce(decider.evolve, run.state);
    return 'done';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};
const command = (type: LeadCommand['type'], data: object, now: string, actor: Actor): LeadCommand =>
  ({ type, data: { leadId: 'l-1', ...data }, metadata: { now, actor } }) as LeadCommand;
const sweepAt = (run: Run, now: string) => send(run, command('ReturnOverdueLead', {}, now, WATCHER));

const play = (facts: readonly Fact[], sweeps: readonly (number | null)[]): Run => {
  const run: Run = { events: [], state: decider.initialState(), answers: [] };
  const handing = {
    dealerId: 'd-1',
    source: 'hotline',
    model: 'ID.4',
    customer: { customerId: 'cu-1', name: 'Wang Fang', phone: '13800000001' },
    phoneHash: 'phone-hmac-1',
  };
  send(run, command('HandLead', handing, at(HANDED_AT), OEM));
  let lastSent = HANDED_AT;
  facts.forEach((fact, index) => {
    const hundredths = sweeps[index];
    // A live sweep runs at a wall-clock time no earlier than the last fact sent.
    if (hundredths !== null && hundredths !== undefined)
      sweepAt(run, at(lastSent + Math.round(((Date.parse(END) - lastSent) * hundredths) / 100)));
    const data = fact.type === 'LoseLead' ? { reason: 'price' } : {};
    run.answers.push(`${fact.type}@${fact.at}: ${send(run, command(fact.type, data, fact.at, SC))}`);
    lastSent = Math.max(lastSent, Date.parse(fact.at));
  });
  sweepAt(run, END);
  return run;
};

/** Projects the run's events through a projection's pure apply, in order, as the engine would. */
const project = <Doc>(
  projection: {
    apply: (doc: Doc | null, event: Envelope<LeadEvent>, id: string) => Doc;
    documentIds: (e: Envelope<LeadEvent>) => readonly string[];
  },
  events: readonly LeadEvent[],
): Record<string, Doc> => {
  const docs: Record<string, Doc> = {};
  events.forEach((event, revision) => {
    const envelope = {
      ...event,
      revision,
      metadata: { actor: SC, correlationId: 'c', causationId: null },
    } as unknown as Envelope<LeadEvent>;
    for (const id of projection.documentIds(envelope))
      docs[id] = projection.apply(docs[id] ?? null, envelope, id);
  });
  return docs;
};
const shown = (run: Run) => {
  const details = project(leadDetailsProjection, run.events)['l-1'];
  const { history: _history, revision: _revision, state: _state, ...fields } = details;
  return fields;
};

describe('a lead ends the same whether its facts arrive before or after the sweeps', () => {
  it('same answers, same lead, same KPI handing', () =>
    fc.assert(
      fc.property(
        history,
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: 4, maxLength: 4 }),
        (facts, sweeps) => {
          const inOrder = play(facts, [null, null, null, null]);
          const late = play(facts, sweeps);
          expect(late.answers).toEqual(inOrder.answers);
          expect(late.state).toEqual(inOrder.state);
          expect(shown(late)).toEqual(shown(inOrder));
          expect(project(leadHandingsProjection, late.events)).toEqual(
            project(leadHandingsProjection, inOrder.events),
          );
        },
      ),
      { numRuns: 300, seed: 18_3 },
    ));
});
