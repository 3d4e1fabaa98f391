import { listProjections } from '../../infrastructure/projections/projection-listing';
import type { RunnerDeps } from '../../infrastructure/projections/runner-support';
import type { AnyProjection } from '../../projections/shared/projection';

const eventsBehind = (events: number | 'unknown'): string =>
  events === 'unknown' ? 'events not read: the store cannot count them' : `${events} events not read`;

/**
 * One line per read model a KPI reads that is not current: never built, of another version, failed, or
 * behind the event store head. A KPI over such a read model reads zeros or old figures that look like real
 * ones, so the reader is told which model and how to build it (the figures are still printed).
 */
export const freshnessWarnings = async (
  deps: Pick<RunnerDeps, 'eventStore' | 'readStore' | 'clock'>,
  projections: readonly AnyProjection[],
): Promise<string[]> => {
  const rows = await listProjections(deps, projections);
  return rows.flatMap((row) => {
    const build = `run "crm projections rebuild ${row.name}"`;
    // `unknown` (EventStoreDB cannot count) is only ever reported for a runner behind the head.
    const behind = row.lag.events !== 0;
    if (row.state === 'stopped' && behind)
      return [`warning: read model ${row.name} was never built (${eventsBehind(row.lag.events)}): ${build}`];
    if (row.state === 'stale')
      return [
        `warning: read model ${row.name} is of version ${row.live.version}, the code is of version ${row.version}: ${build}`,
      ];
    if (row.state === 'failed')
      return [
        `warning: read model ${row.name} stopped at a failed event (${row.error?.message ?? 'see "crm projections list"'}): ${build}`,
      ];
    if (behind)
      return [
        `warning: read model ${row.name} is behind the event store (${eventsBehind(row.lag.events)}, the oldest unread is ${row.lag.ms} ms old): ${build}, or start the API with its projections running`,
      ];
    return [];
  });
};
