import { callFiguresByAgent, type CallLine, isMissed } from '../../../../src/domain/call/call-report';

const T0 = '2026-03-02T02:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const line = (over: Partial<CallLine>): CallLine => ({
  agentId: 'ag-1',
  direction: 'inbound',
  startedAt: T0,
  answeredAt: null,
  endedAt: null,
  ...over,
});
const LATER = at(3600);

describe('call report rules', () => {
  it('an inbound call answered at exactly 20 s is not missed; at 21 s it is answered and missed', () => {
    expect(isMissed(line({ answeredAt: at(20), endedAt: at(80) }), LATER)).toBe(false);
    expect(isMissed(line({ answeredAt: at(21), endedAt: at(80) }), LATER)).toBe(true);
  });

  it('an abandoned inbound call is missed, even within 20 s; an outbound call never is', () => {
    expect(isMissed(line({ endedAt: at(5) }), LATER)).toBe(true);
    expect(isMissed(line({ direction: 'outbound', endedAt: at(40) }), LATER)).toBe(false);
    expect(isMissed(line({ direction: 'outbound', answeredAt: at(35), endedAt: at(90) }), LATER)).toBe(false);
  });

  it('an inbound call still ringing is missed once 20 s have passed without an answer, as of the read', () => {
    expect(isMissed(line({}), at(20))).toBe(false);
    expect(isMissed(line({}), at(21))).toBe(true);
  });

  it('counts per agent: calls, answered, missed, and the mean of answered → ended', () => {
    const lines = [
      line({ answeredAt: at(10), endedAt: at(130) }), // handled 120 s
      line({ answeredAt: at(25), endedAt: at(85) }), // answered and missed; handled 60 s
      line({ endedAt: at(8) }), // abandoned: missed
      line({ direction: 'outbound', answeredAt: at(30), endedAt: at(61) }), // handled 31 s
      line({ direction: 'outbound', endedAt: at(40) }), // not reached: not missed
      line({ agentId: 'ag-2', answeredAt: at(3) }), // answered, still talking: not handled
    ];
    // ag-1: 5 calls (3 inbound, 2 outbound), 3 answered, 2 missed, 3 handled, (120 + 60 + 31) / 3 = 70.33… → 70.3
    // ag-2: 1 call, answered, not missed, none handled → no average
    expect(callFiguresByAgent(lines, LATER)).toEqual([
      {
        agentId: 'ag-1',
        calls: 5,
        inbound: 3,
        outbound: 2,
        answered: 3,
        missed: 2,
        ringing: 0,
        handled: 3,
        averageHandlingSeconds: 70.3,
      },
      {
        agentId: 'ag-2',
        calls: 1,
        inbound: 1,
        outbound: 0,
        answered: 1,
        missed: 0,
        ringing: 0,
        handled: 0,
        averageHandlingSeconds: null,
      },
    ]);
  });
});
