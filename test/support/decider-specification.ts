import type { Command, Decider, Event } from '../../src/domain/shared/event';

/**
 * given(events).when(command).then(events) / .thenThrows(code): the decider tested as the dealers would
 * describe it, with no store involved.
 */
export const deciderSpecification = <State, Cmd extends Command, Evt extends Event>(
  decider: Decider<State, Cmd, Evt>,
) => ({
  given: (history: readonly Evt[]) => ({
    when: (command: Cmd) => {
      const run = () =>
        decider.decide(
          command,
          history.reduce((state, event) => decider.evolve(state, event), decider.initialState()),
        );
      return {
        then: (expected: readonly Evt[]) => expect(run()).toEqual(expected),
        thenThrows: (code: string, details?: Record<string, unknown>) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toMatchObject({ code, ...(details ? { details } : {}) });
        },
      };
    },
  }),
});
