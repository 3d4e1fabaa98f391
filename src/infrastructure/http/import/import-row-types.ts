import type { Type } from '@nestjs/common';
import type { Command as BusCommand } from '@nestjs/cqrs';
import { ExecuteComplaintCommand } from '../../../application/complaint/complaint.commands';
import { FleetAccountCommand } from '../../../application/fleet-account/fleet-account.commands';
import { ImportRowInvalid, type ImportRowType } from '../../../application/import/import.service';
import { ExecuteMembershipCommand } from '../../../application/membership/membership.commands';
import type { Clock } from '../../../application/ports/clock.port';
import {
  AuthoriseWorkOrderCommand,
  ExecuteRepairOrderCommand,
} from '../../../application/repair-order/repair-order.commands';
import {
  OrderProspectCommand,
  ProspectStepCommand,
  RegisterProspectCommand,
  VehicleSaleStepCommand,
} from '../../../application/sales/sales.commands';
import type { CommandContext } from '../../../application/shared/command-context';
import { CommandPipeline } from '../../../application/shared/command-pipeline';
import { deterministicUuid } from '../../../application/shared/deterministic-id';
import { prospectFeature } from '../../../application/sales/prospect.feature';
import { prospectStreamId } from '../../../domain/prospect/prospect.decider';
import { DomainError } from '../../../domain/shared/domain-error';
import * as complaint from '../complaint/complaint.bodies';
import * as fleet from '../fleet/fleet.bodies';
import * as membership from '../membership/membership.bodies';
import * as repairOrder from '../repair-order/repair-order.bodies';
import * as sales from '../sales/sales.bodies';
import { EmptyCommandBody } from '../shared/command.bodies';
import { businessTimeError } from '../shared/command-context.factory';
import { RequestValidationError } from '../shared/problem-details';
import { validationPipe } from '../shared/validation';
import { fromCells } from './csv-cells';

type Data = Record<string, unknown>;
type Message = (
  type: string,
  data: Data,
  context: CommandContext,
) => BusCommand<unknown> | Promise<BusCommand<unknown>>;

/** The instants the prospect routes put in UTC (their `map`), since the read models compare them as text. */
const inUtc = (data: Data, fields: readonly string[]): Data =>
  Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      fields.includes(key) && typeof value === 'string' ? new Date(value).toISOString() : value,
    ]),
  );

const withoutBusinessTime = ({ occurredAt: _occurredAt, ...data }: Data): Data => data;
const validation = validationPipe();

type RowSpec = Readonly<{
  /** A creation's body names the record itself (its id field is optional there, required here). */
  opens?: boolean;
  instants?: readonly string[];
}>;

/**
 * A row type from its route's body class and bus message: the row is checked as that body (the same
 * pipe as HTTP: unknown fields refused, every bad field with its reason), its business time as HTTP's,
 * and sent as the route sends it.
 */
const rowType =
  (record: string, idField: string, send: Message, clock: Clock) =>
  (command: string, Body: Type<unknown>, { opens = false, instants = [] }: RowSpec = {}): ImportRowType => ({
    type: `${record}.${command}`,
    idField,
    command: async (fields, fromText, context) => {
      const { [idField]: recordId, ...rest } = fields;
      const sent = opens ? fields : rest;
      const body = fromText ? fromCells(Body, sent) : sent;
      let checked: Data;
      try {
        checked = (await validation.transform(body, { type: 'body', metatype: Body })) as Data;
      } catch (error) {
        if (error instanceof RequestValidationError) throw new ImportRowInvalid(error.errors);
        throw error;
      }
      const late = businessTimeError(context.now, clock.now());
      if (late) throw new ImportRowInvalid([late]);
      const data = { ...inUtc(withoutBusinessTime({ ...checked }), instants), [idField]: recordId };
      return await send(command, data, context);
    },
  });

/** A DMS knows a sale by its order, so a sale row names the prospect it was ordered on: its latest sale. */
export const latestSaleOf =
  (pipeline: CommandPipeline) =>
  async (prospectId: string): Promise<string> => {
    const state = await pipeline.currentState(prospectFeature, prospectStreamId(prospectId));
    const saleId = state.status === 'none' ? null : state.saleId;
    if (saleId === null)
      throw new DomainError(
        'SALE_NOT_FOUND',
        'not-found',
        `prospect ${prospectId} has no order: import its prospect.OrderProspect row (dated before) first`,
        { prospectId },
      );
    return saleId;
  };

/** Every row type an import takes (docs/import.md lists their fields). */
export const importRowTypes = (
  clock: Clock,
  saleOf: (prospectId: string) => Promise<string>,
): ImportRowType[] => {
  const prospect = rowType(
    'prospect',
    'prospectId',
    (type, data, context) => {
      switch (type) {
        case 'RegisterProspect': {
          const contact = data.contact as Data;
          const customerId = contact.customerId ?? deterministicUuid(`customer|${String(data.prospectId)}`);
          return new RegisterProspectCommand(
            { ...data, contact: { ...contact, customerId } } as never,
            context,
          );
        }
        case 'OrderProspect': {
          const { prospectId, ...terms } = data;
          return new OrderProspectCommand(String(prospectId), terms as never, context);
        }
        default:
          return new ProspectStepCommand({ type, data } as never, context);
      }
    },
    clock,
  );
  const sale = rowType(
    'vehicle-sale',
    'prospectId',
    async (type, { prospectId, ...data }, context) => {
      const saleId = await saleOf(String(prospectId));
      return new VehicleSaleStepCommand({ type, data: { ...data, saleId } } as never, context);
    },
    clock,
  );
  const order = rowType(
    'repair-order',
    'repairOrderId',
    (type, data, context) =>
      type === 'AuthoriseWorkOrder'
        ? new AuthoriseWorkOrderCommand(data as never, context)
        : new ExecuteRepairOrderCommand({ type, data } as never, context),
    clock,
  );
  const complaintRow = rowType(
    'complaint',
    'complaintId',
    (type, data, context) => new ExecuteComplaintCommand({ type, data } as never, context),
    clock,
  );
  const member = rowType(
    'membership',
    'customerId',
    (type, data, context) => new ExecuteMembershipCommand({ type, data } as never, context),
    clock,
  );
  // The account's handler, as the route sends it: a registration claims its VIN (one fleet account per vehicle).
  const account = rowType(
    'fleet-account',
    'accountId',
    (type, data, context) => new FleetAccountCommand({ type, data } as never, context),
    clock,
  );
  return [
    prospect('RegisterProspect', sales.RegisterProspectBody, { opens: true }),
    prospect('RecordNeedsAnalysis', sales.RecordNeedsAnalysisBody),
    prospect('PresentVehicle', sales.PresentVehicleBody),
    prospect('BookTestDrive', sales.BookTestDriveBody, { instants: ['scheduledFor'] }),
    prospect('CompleteTestDrive', sales.CompleteTestDriveBody),
    prospect('IssueQuote', sales.IssueQuoteBody),
    prospect('ScheduleFollowUp', sales.ScheduleFollowUpBody, { instants: ['dueAt'] }),
    prospect('RecordFollowUp', sales.RecordFollowUpBody, { instants: ['nextContactAt'] }),
    prospect('GradeProspect', sales.GradeProspectBody),
    prospect('ReassignProspect', sales.ReassignProspectBody),
    prospect('ReactivateProspect', sales.ReactivateProspectBody),
    prospect('OrderProspect', sales.OrderProspectBody, { instants: ['promisedDeliveryAt'] }),
    sale('PayDeposit', sales.PayDepositBody),
    sale('AllocateVehicle', sales.AllocateVehicleBody),
    sale('InvoiceSale', sales.InvoiceSaleBody),
    sale('SettleSale', EmptyCommandBody),
    sale('PassPreDeliveryInspection', sales.PassInspectionBody),
    sale('DeliverVehicle', EmptyCommandBody),
    sale('CancelOrder', sales.CancelOrderBody),
    sale('RecordDeliveryCallback', sales.DeliveryCallbackBody),
    order('BookAppointment', repairOrder.BookAppointmentDto, { opens: true }),
    order('OpenRepairOrder', repairOrder.OpenRepairOrderDto, { opens: true }),
    order('CheckInVehicle', repairOrder.CheckInVehicleDto),
    order('RecordDiagnosis', repairOrder.RecordDiagnosisDto),
    order('AuthoriseWorkOrder', repairOrder.AuthoriseWorkOrderDto),
    order('MarkAsRework', repairOrder.MarkAsReworkDto),
    order('StartWork', EmptyCommandBody),
    order('CompleteWork', repairOrder.CompleteWorkDto),
    order('RecordInspection', repairOrder.RecordInspectionDto),
    order('DeliverVehicle', EmptyCommandBody),
    order('SettleRepairOrder', repairOrder.SettleRepairOrderDto),
    order('CancelRepairOrder', repairOrder.CancelRepairOrderDto),
    order('RecordCsiSurvey', repairOrder.RecordCsiSurveyDto),
    complaintRow('FileComplaint', complaint.FileComplaintBody, { opens: true }),
    complaintRow('AcknowledgeComplaint', complaint.AcknowledgeComplaintBody),
    complaintRow('AssignComplaint', complaint.AssignComplaintBody),
    complaintRow('RecordCustomerContact', complaint.RecordContactBody),
    complaintRow('AddInvestigationNote', complaint.InvestigationNoteBody),
    complaintRow('ProposeResolution', complaint.ProposeResolutionBody),
    complaintRow('RecordResolutionResponse', complaint.ResolutionResponseBody),
    complaintRow('ResolveComplaint', EmptyCommandBody),
    complaintRow('RecordCallback', complaint.CallbackBody),
    complaintRow('CloseComplaint', EmptyCommandBody),
    complaintRow('ReopenComplaint', complaint.ReasonBody),
    complaintRow('EscalateComplaint', complaint.EscalateComplaintBody),
    member('EnrollMember', membership.EnrollMemberBody, { opens: true }),
    member('AdjustPoints', membership.AdjustPointsBody),
    member('RedeemPoints', membership.RedeemPointsBody),
    member('BuyVoucher', membership.BuyVoucherBody),
    member('CancelMembership', membership.CancelMembershipBody),
    member('ReEnrollMember', membership.ReEnrollMemberBody),
    member('RecordMemberBirthday', membership.RecordMemberBirthdayBody),
    account('OpenFleetAccount', fleet.OpenFleetAccountBody, { opens: true }),
    account('AddFleetMemberCompany', fleet.AddFleetMemberCompanyBody),
    account('AddFleetDriver', fleet.AddFleetDriverBody),
    account('RemoveFleetDriver', fleet.RemoveFleetDriverBody),
    account('RegisterFleetVehicle', fleet.RegisterFleetVehicleBody),
    account('RemoveFleetVehicle', fleet.RemoveFleetVehicleBody),
    account('ReassignFleetAccountManager', fleet.ReassignFleetAccountManagerBody),
  ];
};
