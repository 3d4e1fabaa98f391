import { careTaskOriginMissing } from '../../domain/care-task/care-task.errors';
import {
  type ComplaintCallbacks,
  foldComplaintCallbacks,
  noComplaintCallbacks,
  originFromComplaint,
  parseComplaintCallbackRecordId,
} from '../../domain/care-task/complaint-callbacks';
import type { ComplaintCommand } from '../../domain/complaint/complaint.commands';
import { complaintStreamId } from '../../domain/complaint/complaint.decider';
import type { ComplaintEvent } from '../../domain/complaint/complaint.events';
import { complaintFeature } from '../complaint/complaint.feature';
import {
  originFromReminder,
  originFromRepairOrder,
  originFromSale,
  vehicleReminders,
  vinOfDateRecord,
} from '../../domain/care-task/care-task-origin';
import {
  CARE_TASK_KINDS,
  type CareTaskOrigin,
  isVehicleReminderKind,
  parseCareTaskId,
  type VehicleReminderKind,
} from '../../domain/care-task/care-task.types';
import {
  foldLapseWarning,
  lapseWarningReminder,
  type LapseWarningFacts,
  noLapseWarningFacts,
  parseLapseWarningRecordId,
} from '../../domain/care-task/lapse-warnings';
import {
  foldPointsExpiry,
  noPointsExpiryFacts,
  parsePointsExpiryRecordId,
  pointsExpiryReminder,
  type PointsExpiryFacts,
} from '../../domain/care-task/member-reminders';
import {
  type BirthdayReminderFacts,
  birthdayReminder,
  foldBirthdayReminder,
  noBirthdayReminderFacts,
  parseBirthdayRecordId,
} from '../../domain/care-task/birthday-reminders';
import { dataSubjectStreamId } from '../../domain/privacy/privacy.events';
import { dataSubjectFeature } from '../privacy/data-subject.feature';
import type { MembershipCommand } from '../../domain/membership/membership.commands';
import { membershipStreamId } from '../../domain/membership/membership.decider';
import type { MembershipEvent } from '../../domain/membership/membership.events';
import { careVehicleStreamId } from '../../domain/care-vehicle/care-vehicle.decider';
import { repairOrderStreamId } from '../../domain/repair-order/repair-order.decider';
import { vehicleSaleStreamId } from '../../domain/vehicle-sale/vehicle-sale.decider';
import { repairOrderFeature } from '../repair-order/repair-order.feature';
import { vehicleSaleFeature } from '../sales/vehicle-sale.feature';
import { careVehicleFeature } from './care-vehicle.feature';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { Command, Event } from '../../domain/shared/event';
import type { Feature } from '../shared/feature';
import { membershipFeature } from '../membership/membership.feature';

/**
 * A task's origin as its record says it now, read from the event store (no read-model lag): the delivered
 * sale or the settled repair order. A 404 when the id names no task, or its record has not got that far.
 */
export const careTaskOrigin = async (pipeline: CommandPipeline, taskId: string): Promise<CareTaskOrigin> => {
  const parsed = parseCareTaskId(taskId);
  if (parsed === null)
    throw careTaskOriginMissing(
      taskId,
      `a task id is <kind>-<record id>, kind ${CARE_TASK_KINDS.join(', ')}`,
    );
  const { kind, recordId } = parsed;
  if (isVehicleReminderKind(kind)) return reminderOrigin(pipeline, taskId, kind, recordId);
  if (kind === 'pointsexpiry') return pointsExpiryOrigin(pipeline, taskId, recordId);
  if (kind === 'complaint') return complaintCallbackOrigin(pipeline, taskId, recordId);
  if (kind === 'lapsewarning') return lapseWarningOrigin(pipeline, taskId, recordId);
  if (kind === 'birthday') return birthdayOrigin(pipeline, taskId, recordId);
  if (kind === 'service' || kind === 'servicefollowup') {
    const state = await pipeline.currentState(repairOrderFeature, repairOrderStreamId(recordId));
    const origin = originFromRepairOrder(kind, state);
    if (!origin)
      throw careTaskOriginMissing(
        taskId,
        kind === 'service'
          ? `repair order ${recordId} is not settled`
          : `repair order ${recordId} has no CSI survey with a factor answered 6 or less`,
      );
    return origin;
  }
  const state = await pipeline.currentState(vehicleSaleFeature, vehicleSaleStreamId(recordId));
  const origin = originFromSale(kind, state);
  if (!origin)
    throw careTaskOriginMissing(
      taskId,
      kind === 'salesfollowup'
        ? `vehicle sale ${recordId} has no SSI survey with a factor answered 6 or less`
        : `vehicle sale ${recordId} is not delivered`,
    );
  return origin;
};

/**
 * A reminder's origin as its vehicle's care stream says it: the date's (`<vin>-<YYYYMMDD>`), or the
 * maintenance of a settled repair order (the repair order names the VIN).
 */
const reminderOrigin = async (
  pipeline: CommandPipeline,
  taskId: string,
  kind: VehicleReminderKind,
  recordId: string,
): Promise<CareTaskOrigin> => {
  let vin = vinOfDateRecord(recordId);
  if (kind === 'maintenance') {
    const repairOrder = await pipeline.currentState(repairOrderFeature, repairOrderStreamId(recordId));
    vin = repairOrder.status === 'settled' ? repairOrder.vin : null;
  }
  if (vin === null)
    throw careTaskOriginMissing(
      taskId,
      kind === 'maintenance'
        ? `repair order ${recordId} is not settled`
        : `a ${kind} task id is ${kind}-<vin>-<YYYYMMDD>`,
    );
  const vehicle = await pipeline.currentState(careVehicleFeature, careVehicleStreamId(vin));
  const reminder = vehicleReminders(kind, vin, vehicle).find((one) => one.recordId === recordId);
  if (!reminder)
    throw careTaskOriginMissing(
      taskId,
      kind === 'maintenance'
        ? `vehicle ${vin} has no settlement of repair order ${recordId} recorded for care yet`
        : `vehicle ${vin} has no ${kind} date ${recordId.slice(18)} recorded`,
    );
  return originFromReminder(kind, reminder);
};

/**
 * A record's stream folded into one task's facts (`member-reminders.ts`, `complaint-callbacks.ts`): the same
 * fold the `care-tasks` projection makes, read from the event store. It decides nothing.
 */
const foldOf = <State, Facts, C extends Command, E extends Event>(
  feature: Feature<State, C, E>,
  name: string,
  initialState: () => Facts,
  evolve: (facts: Facts, event: E) => Facts,
): Feature<Facts, C, E> => ({
  ...feature,
  name,
  decider: { initialState, evolve, decide: () => [] },
  scope: () => ({ dealerId: undefined }),
  projections: [],
  reactors: undefined,
  watchers: undefined,
  kpis: undefined,
});

const membershipFold = <Facts>(
  name: string,
  initialState: () => Facts,
  evolve: (facts: Facts, event: MembershipEvent) => Facts,
): Feature<Facts, MembershipCommand, MembershipEvent> =>
  foldOf(membershipFeature, name, initialState, evolve);

const pointsExpiryFold = (customerId: string, month: string) =>
  membershipFold<PointsExpiryFacts>(
    'care-points-expiry',
    () => noPointsExpiryFacts(customerId, month),
    foldPointsExpiry,
  );

/** A points-expiry reminder's origin (`pointsexpiry-<customerId>-<YYYYMM>`), as the membership says it. */
const pointsExpiryOrigin = async (
  pipeline: CommandPipeline,
  taskId: string,
  recordId: string,
): Promise<CareTaskOrigin> => {
  const parsed = parsePointsExpiryRecordId(recordId);
  if (parsed === null)
    throw careTaskOriginMissing(taskId, 'a pointsexpiry task id is pointsexpiry-<customerId>-<YYYYMM>');
  const { customerId, month } = parsed;
  const facts = await pipeline.currentState(
    pointsExpiryFold(customerId, month),
    membershipStreamId(customerId),
  );
  const reminder = pointsExpiryReminder(facts);
  if (!reminder)
    throw careTaskOriginMissing(taskId, `membership ${customerId} has no points expiring in ${month}`);
  return originFromReminder('pointsexpiry', reminder);
};

/** The complaint stream folded into its closing callbacks (`complaint-callbacks.ts`). */
const complaintCallbacksFold = (
  complaintId: string,
): Feature<ComplaintCallbacks, ComplaintCommand, ComplaintEvent> =>
  foldOf(
    complaintFeature,
    'care-complaint-callbacks',
    () => noComplaintCallbacks(complaintId),
    foldComplaintCallbacks,
  );

/** A closing callback's origin (`complaint-<complaintId>-<YYYYMMDDHHmmss>`), as the complaint says it. */
const complaintCallbackOrigin = async (
  pipeline: CommandPipeline,
  taskId: string,
  recordId: string,
): Promise<CareTaskOrigin> => {
  const parsed = parseComplaintCallbackRecordId(recordId);
  if (parsed === null)
    throw careTaskOriginMissing(
      taskId,
      'a complaint task id is complaint-<complaintId>-<callback deadline as YYYYMMDDHHmmss in CST>',
    );
  const facts = await pipeline.currentState(
    complaintCallbacksFold(parsed.complaintId),
    complaintStreamId(parsed.complaintId),
  );
  const origin = originFromComplaint(facts, recordId);
  if (!origin)
    throw careTaskOriginMissing(
      taskId,
      `complaint ${parsed.complaintId} has no resolution whose callback is due at that time`,
    );
  return origin;
};

/** A lapse warning's origin (`lapsewarning-<customerId>-<YYYYMMDD>`), as the membership's events restate it. */
const lapseWarningOrigin = async (
  pipeline: CommandPipeline,
  taskId: string,
  recordId: string,
): Promise<CareTaskOrigin> => {
  const parsed = parseLapseWarningRecordId(recordId);
  if (parsed === null)
    throw careTaskOriginMissing(taskId, 'a lapsewarning task id is lapsewarning-<customerId>-<YYYYMMDD>');
  const { customerId, day } = parsed;
  const facts = await pipeline.currentState(
    membershipFold<LapseWarningFacts>(
      'care-lapse-warning',
      () => noLapseWarningFacts(customerId, day),
      foldLapseWarning,
    ),
    membershipStreamId(customerId),
  );
  const reminder = lapseWarningReminder(facts);
  if (!reminder)
    throw careTaskOriginMissing(taskId, `membership ${customerId} has no lapse clock lapsing on ${day}`);
  return originFromReminder('lapsewarning', reminder);
};

/**
 * A birthday task's origin (`birthday-<customerId>-<YYYY>`): the clock's note and the cancellation that ended
 * it, from the membership stream, and the customer's forgetting from their data-subject stream.
 */
const birthdayOrigin = async (
  pipeline: CommandPipeline,
  taskId: string,
  recordId: string,
): Promise<CareTaskOrigin> => {
  const parsed = parseBirthdayRecordId(recordId);
  if (parsed === null)
    throw careTaskOriginMissing(taskId, 'a birthday task id is birthday-<customerId>-<YYYY>');
  const { customerId, year } = parsed;
  const facts = await pipeline.currentState(
    membershipFold<BirthdayReminderFacts>(
      'care-birthday',
      () => noBirthdayReminderFacts(customerId, year),
      (known, event) =>
        event.type === 'MemberBirthdayReminderDue' || event.type === 'MemberBirthdayRemindersEnded'
          ? foldBirthdayReminder(known, event)
          : known,
    ),
    membershipStreamId(customerId),
  );
  const subject = await pipeline.currentState(dataSubjectFeature, dataSubjectStreamId(customerId));
  const reminder = birthdayReminder(
    subject.status === 'forgotten'
      ? foldBirthdayReminder(facts, {
          type: 'CustomerForgotten',
          data: { customerId, reason: '', requestReference: '', forgottenAt: subject.forgottenAt },
        })
      : facts,
  );
  if (!reminder)
    throw careTaskOriginMissing(taskId, `membership ${customerId} has no birthday reminder due for ${year}`);
  return originFromReminder('birthday', reminder);
};
