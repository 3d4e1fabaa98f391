/** A prospect p-1 and commands on it, shared by the prospect decider specs. */
import type { ProspectCommand } from '../../../../src/domain/prospect/prospect.commands';
import { createProspectDecider } from '../../../../src/domain/prospect/prospect.decider';
import type { ProspectEvent, ProspectRegistered } from '../../../../src/domain/prospect/prospect.events';
import { deciderSpecification } from '../../../support/decider-specification';

export const decider = createProspectDecider();
export const spec = deciderSpecification(decider);
export const consultant = { userId: 'sc-li', role: 'sales-consultant', dealerId: 'd-sh-01' };

type Body<T extends ProspectCommand['type']> = Omit<
  Extract<ProspectCommand, { type: T }>['data'],
  'prospectId'
>;
/** A command on p-1 by its consultant at `now`. */
export const at = <T extends ProspectCommand['type']>(
  now: string,
  type: T,
  data: Body<T>,
): ProspectCommand => {
  const command: { type: ProspectCommand['type']; data: object; metadata: object } = {
    type,
    data: { prospectId: 'p-1', ...data },
    metadata: { now, actor: consultant },
  };
  return command as ProspectCommand;
};

// A walk-in registered on 2 March 2026 at 10:00 CST, grade A (contact every 5 days).
export const registered: ProspectRegistered = {
  type: 'ProspectRegistered',
  data: {
    prospectId: 'p-1',
    dealerId: 'd-sh-01',
    consultantId: 'sc-li',
    channel: 'walk-in',
    contact: { customerId: 'cu-1', name: 'Zhang Wei', phone: '13800000001' },
    phoneHash: 'h1',
    modelOfInterest: 'Lavida',
    budgetFen: 15_000_000,
    expectedPurchaseBy: '2026-03-20',
    campaignId: null,
    grade: 'A',
    registeredAt: '2026-03-02T02:00:00.000Z',
    followUpPolicyVersion: 'follow-up-v1',
  },
};

/** Runs commands through the decider on top of `history` to build the history to start from. */
export const on = (history: readonly ProspectEvent[], ...commands: ProspectCommand[]): ProspectEvent[] =>
  commands.reduce<ProspectEvent[]>(
    (events, command) => {
      const state = events.reduce(decider.evolve, decider.initialState());
      return [...events, ...decider.decide(command, state)];
    },
    [...history],
  );
export const after = (...commands: ProspectCommand[]): ProspectEvent[] => on([registered], ...commands);

export const presented = () =>
  after(
    at('2026-03-02T03:00:00.000Z', 'RecordNeedsAnalysis', { summary: 'family of four, city driving' }),
    at('2026-03-02T03:30:00.000Z', 'PresentVehicle', { model: 'Lavida' }),
  );
export const quoted = () =>
  on(
    presented(),
    at('2026-03-02T04:00:00.000Z', 'IssueQuote', {
      model: 'Lavida',
      listPriceFen: 15_000_000,
      discountFen: 800_000,
      financeOption: 'loan',
    }),
  );
export const lost = () =>
  after(
    at('2026-03-03T02:00:00.000Z', 'GradeProspect', { grade: 'F', lostReason: 'price', note: 'too dear' }),
  );
