/**
 * The application's projections for the rebuild worker tests (`RebuildWorkers.definitionsModule`: a worker
 * thread finds its definitions here), with one projector that throws: `complaint-details` fails on the
 * first event at or after FAILING_FROM_POSITION. Only a rebuild given this module sees it.
 */
import { ALL_EVENT_TYPES, ALL_PROJECTIONS as APPLICATION } from '../../src/application/features';
import type { AnyProjection } from '../../src/projections/shared/projection';

export { ALL_EVENT_TYPES };

export const FAILING_PROJECTION = 'complaint-details';
export const FAILING_FROM_POSITION = 500;

export const ALL_PROJECTIONS: readonly AnyProjection[] = APPLICATION.map((projection) =>
  projection.name !== FAILING_PROJECTION
    ? projection
    : {
        ...projection,
        apply: (doc, event, id) => {
          if (event.globalPosition >= FAILING_FROM_POSITION)
            throw new Error(`test projector fails at position ${event.globalPosition}`);
          return projection.apply(doc, event, id);
        },
      },
);
