import { toCsv } from '../shared/csv';
import type { ComplaintTrail } from './complaint-trail';

const HEADER = [
  'revision',
  'global_position',
  'occurred_at',
  'recorded_at',
  'event',
  'stage_after',
  'level_after',
  'actor',
  'role',
  'dealer',
  'reason',
  'minutes_in_stage',
  'clocks_in_stage',
  'correlation_id',
  'causation_id',
  'event_id',
  'hash',
  'withdrawn',
] as const;

/** The trail as one CSV row per event; a row that entered a stage carries that stage's time and clocks. */
export const complaintTrailCsv = (trail: ComplaintTrail): string => {
  const stageByRevision = new Map(trail.stages.map((stage) => [stage.revision, stage]));
  return toCsv(
    HEADER,
    trail.entries.map((entry) => {
      const stage = stageByRevision.get(entry.revision);
      return [
        entry.revision,
        entry.globalPosition,
        entry.at,
        entry.recordedAt,
        entry.type,
        entry.stage,
        entry.level,
        entry.actor.userId,
        entry.actor.role,
        entry.actor.dealerId,
        entry.reason,
        stage?.minutesInStage ?? '',
        stage?.clocks
          .map((clock) => `${clock.clock}@${clock.level} due ${clock.dueBy}: ${clock.outcome}`)
          .join('; ') ?? '',
        entry.correlationId,
        entry.causationId,
        entry.eventId,
        entry.hash,
        entry.withdrawn,
      ];
    }),
  );
};
