import type { CareTaskCommand } from '../../domain/care-task/care-task.commands';
import {
  careTaskDecider,
  type CareTaskState,
  careTaskStreamId,
} from '../../domain/care-task/care-task.decider';
import { CARE_TASK_EVENT_TYPES, type CareTaskEvent } from '../../domain/care-task/care-task.events';
import { careTasksProjection } from '../../projections/care-tasks/care-tasks.projection';
import type { Feature } from '../shared/feature';
import { createCareMessageOutboxReactor } from './care-message-outbox.reactor';
import { CARE_TASK_KPIS } from './care-task.queries';

/**
 * Care tasks (客户关怀, issue 19 §2): the callbacks after a delivery and a settlement. A task exists from
 * the fact it follows (the care-tasks read model shows it at once); its stream starts when it is worked.
 */
export const careTaskFeature: Feature<CareTaskState, CareTaskCommand, CareTaskEvent> = {
  name: 'care-task',
  category: 'caretask',
  decider: careTaskDecider,
  streamOf: ({ taskId }) => careTaskStreamId(taskId),
  eventTypes: CARE_TASK_EVENT_TYPES,
  // The record's dealer; a sales consultant works only the tasks of their own sales.
  scope: (_state, command) => ({
    dealerId: command.data.origin.dealerId,
    ownerId: command.data.origin.ownerId ?? undefined,
  }),
  projections: [careTasksProjection],
  reactors: ({ pipeline, outbound }) => [createCareMessageOutboxReactor(pipeline, outbound)],
  kpis: CARE_TASK_KPIS,
};
