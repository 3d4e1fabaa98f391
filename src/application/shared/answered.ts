/**
 * A read-model document as a query answers it. Some projections keep the domain's own folded `state`
 * beside their fields, to fold the next event with the decider's `evolve`; it duplicates the fields and
 * is internal, so no answer carries it.
 */
export type Answered<T extends { state: unknown }> = Omit<T, 'state'>;

export const answered = <T extends { state: unknown }>({ state: _state, ...shown }: T): Answered<T> => shown;
