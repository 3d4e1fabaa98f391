import { DEFAULT_LOYALTY_RULE_SETS } from '../../domain/membership/loyalty-rules';

/** The rule sets the club runs by: the decider's, the queries', and what a simulation compares against. */
export const LIVE_LOYALTY_RULES = DEFAULT_LOYALTY_RULE_SETS;
