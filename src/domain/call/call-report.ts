import type { CallDirection } from './call.events';

/** An inbound call answered later than this after it started is missed (the limit itself is in time). */
export const ANSWER_WITHIN_SECONDS = 20;

/** One call as the report needs it. */
export type CallLine = Readonly<{
  agentId: string;
  direction: CallDirection;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
}>;

/** One agent's calls of a day (calls count on the CST day they started). */
export type AgentCallFigures = {
  agentId: string;
  calls: number;
  inbound: number;
  outbound: number;
  answered: number;
  /** Inbound, and not answered within 20 s: answered later, abandoned, or still ringing past 20 s. */
  missed: number;
  /** Started, neither answered nor ended yet. */
  ringing: number;
  /** Answered and ended: the calls the average is over. */
  handled: number;
  /** Mean of answered → ended over the handled calls, in seconds, one decimal; null when none. */
  averageHandlingSeconds: number | null;
};

const seconds = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 1000;

/**
 * Whether an inbound call is missed, as of `asOf`: answered after 20 s (it is also answered), ended
 * unanswered (abandoned), or unanswered 20 s after it started with no end known yet. Outbound never is.
 */
export const isMissed = (line: CallLine, asOf: string): boolean => {
  if (line.direction === 'outbound') return false;
  if (line.answeredAt !== null) return seconds(line.startedAt, line.answeredAt) > ANSWER_WITHIN_SECONDS;
  return line.endedAt !== null || seconds(line.startedAt, asOf) > ANSWER_WITHIN_SECONDS;
};

const figuresOf = (agentId: string, lines: readonly CallLine[], asOf: string): AgentCallFigures => {
  const handling = lines.flatMap((line) =>
    line.answeredAt !== null && line.endedAt !== null ? [seconds(line.answeredAt, line.endedAt)] : [],
  );
  const total = handling.reduce((sum, value) => sum + value, 0);
  return {
    agentId,
    calls: lines.length,
    inbound: lines.filter((line) => line.direction === 'inbound').length,
    outbound: lines.filter((line) => line.direction === 'outbound').length,
    answered: lines.filter((line) => line.answeredAt !== null).length,
    missed: lines.filter((line) => isMissed(line, asOf)).length,
    ringing: lines.filter((line) => line.answeredAt === null && line.endedAt === null).length,
    handled: handling.length,
    averageHandlingSeconds: handling.length === 0 ? null : Math.round((total / handling.length) * 10) / 10,
  };
};

/** Each agent's figures, sorted by agent; computed when read, so it records no decision. */
export const callFiguresByAgent = (lines: readonly CallLine[], asOf: string): AgentCallFigures[] => {
  const agents = [...new Set(lines.map((line) => line.agentId))].sort();
  return agents.map((agentId) =>
    figuresOf(
      agentId,
      lines.filter((line) => line.agentId === agentId),
      asOf,
    ),
  );
};
