/**
 * Automatic decisions (a deadline missed, an escalation, an expiry, a lapse) are recorded by a sweep at
 * the time they fell due, but the sweep cannot know whether a human fact dated before that time is still
 * on its way: integrators sync late. A record therefore remembers, for each automatic decision recorded
 * since its last human fact, the state just before it; a late human fact that contradicts some of them
 * withdraws them (a compensating event) and the record is back where it stood, so the fact is decided as
 * if it had arrived in time. The next sweep records again whatever is still due. See docs/architecture.md,
 * "Business time".
 */
export type RecordedDecision<State, Decision> = Readonly<{
  /** The business time the decision took effect. */
  at: string;
  decision: Decision;
  /** The record's state just before the decision (its own `automatic` list left empty). */
  prior: State;
}>;

/** A record's state that remembers its automatic decisions. */
export type WithAutomatic<State, Decision> = State & {
  readonly automatic: readonly RecordedDecision<State, Decision>[];
};

/** The decisions a human fact at `factAt` contradicts: the first one it contradicts and all after it. */
export const contradictedBy = <State, Decision>(
  automatic: readonly RecordedDecision<State, Decision>[],
  factAt: string,
  contradicts: (decisionAt: string, factAt: string) => boolean,
): Decision[] => {
  const first = automatic.findIndex((recorded) => contradicts(recorded.at, factAt));
  return first < 0 ? [] : automatic.slice(first).map((recorded) => recorded.decision);
};

/**
 * Records an automatic decision: remembers the state before it, then applies it. A decision that no fact
 * still allowed (one dated at or after the last fact) could be in time for is applied and not remembered:
 * a sweep may record it after a later fact, and nothing can withdraw it any more.
 */
export const remember = <State, Decision extends Readonly<{ at: string }>>(
  state: WithAutomatic<State, Decision> & Readonly<{ lastFactAt: string }>,
  decision: Decision,
  applied: WithAutomatic<State, Decision>,
  contradicts: (decisionAt: string, factAt: string) => boolean,
): WithAutomatic<State, Decision> => {
  if (!contradicts(decision.at, state.lastFactAt)) return { ...applied, automatic: state.automatic };
  const prior = { ...state, automatic: [] };
  return { ...applied, automatic: [...state.automatic, { at: decision.at, decision, prior }] };
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * How many of the decisions a compensating event lists this state holds: the last `k` it remembers that
 * are the first `k` listed. All of them live; fewer in a replay "as of" a date, which holds only the
 * decisions that had fallen due by then (the withdrawn ones are in time order).
 */
export const recordedAmong = <State, Decision>(
  state: WithAutomatic<State, Decision>,
  decisions: readonly Decision[],
): number => {
  const { automatic } = state;
  for (let k = Math.min(automatic.length, decisions.length); k > 0; k -= 1) {
    const tail = automatic.slice(automatic.length - k);
    if (tail.every((recorded, index) => same(recorded.decision, decisions[index]))) return k;
  }
  return 0;
};

/** Withdraws the listed decisions this state holds: back to the state before the first of them. */
export const withdraw = <State, Decision>(
  state: WithAutomatic<State, Decision>,
  decisions: readonly Decision[],
): WithAutomatic<State, Decision> => {
  const keep = state.automatic.length - recordedAmong(state, decisions);
  const restored = state.automatic[keep];
  if (!restored) return state;
  return { ...restored.prior, automatic: state.automatic.slice(0, keep) };
};

/**
 * A fact that neither decides nor depends on a deadline (a contact, a note) commutes with the automatic
 * decisions: it is applied to the remembered states too, so a later withdrawal keeps it.
 */
export const applyThroughout = <State, Decision>(
  state: WithAutomatic<State, Decision>,
  apply: (state: State) => State,
): WithAutomatic<State, Decision> => ({
  ...apply(state),
  automatic: state.automatic.map((recorded) => ({ ...recorded, prior: apply(recorded.prior) })),
});
