import { PhoneBlindIndex } from '../../src/application/privacy/phone-blind-index';
import { ALL_EVENT_TYPES } from '../../src/application/features';
import type { EventStore } from '../../src/application/ports/event-store.port';
import { OrderProspectHandler } from '../../src/application/sales/order-prospect.handler';
import { RegisterProspectHandler } from '../../src/application/sales/register-prospect.handler';
import {
  LogWalkInGroupsCommand,
  OrderProspectCommand,
  type ProspectStep,
  ProspectStepCommand,
  RegisterProspectCommand,
  type VehicleSaleStep,
  VehicleSaleStepCommand,
} from '../../src/application/sales/sales.commands';
import {
  LogWalkInGroupsHandler,
  ProspectStepHandler,
  VehicleSaleStepHandler,
} from '../../src/application/sales/sales-step.handlers';
import type { CommandContext } from '../../src/application/shared/command-context';
import { allowEveryCommand } from '../../src/application/access/command-authoriser';
import { CommandPipeline } from '../../src/application/shared/command-pipeline';
import { EventCatalog } from '../../src/application/shared/event-catalog';

/**
 * A small sales history of dealer d-1 in March 2026, written through the real handlers (so the events are
 * exactly what the API writes). Its figures are worked out by hand in test/projections/sales-projections.int-spec.ts:
 *
 * - p-1 walk-in, Lavida, sc-li, A: needs, presentation, test drive, quote, order, delivered 10 Mar, callback
 *   on 15 Mar with survey S1 (9, 8, 8, 9, 10; recommend 9).
 * - p-2 phone, Tiguan, sc-li, B: needs, presentation, quote, lost for price (at quoted).
 * - p-3 walk-in, Lavida, sc-wu, C: two repeat enquiries (one by phone, one walk-in), lost unreachable (at registered).
 * - p-4 web, Lavida, sc-wu, H: presentation (no needs analysis), quote, order, then the order is cancelled.
 * - p-5 walk-in, Tiguan, sc-wu, A: regraded H, still open.
 * - p-6 walk-in, Lavida, sc-li, A: presentation, quote, order, delivered 12 Mar; a callback that does not reach
 *   the customer on 18 Mar, then one on 19 Mar with survey S2 (7, 6, 8, 9, 8; recommend 6).
 * - Walk-in groups: 4 on 2 March, 2 on 3 March; and 5 on 1 April.
 */
export const writeSalesHistory = async (eventStore: EventStore): Promise<void> => {
  const catalog = new EventCatalog(ALL_EVENT_TYPES);
  // The scenario's consultant writes every consultant's prospects: no record check.
  const pipeline = new CommandPipeline(eventStore, catalog, allowEveryCommand);
  // A fixed blind-index key: these tests need stable phone hashes, not secret ones.
  const register = new RegisterProspectHandler(
    pipeline,
    eventStore,
    new PhoneBlindIndex(Buffer.alloc(32, 7)),
  );
  const order = new OrderProspectHandler(pipeline, catalog, eventStore);
  const prospectStep = new ProspectStepHandler(pipeline);
  const saleStep = new VehicleSaleStepHandler(pipeline);
  const traffic = new LogWalkInGroupsHandler(pipeline);

  const at = (day: number, hour = 10, month = 3): CommandContext => ({
    // Business hours in Shanghai (UTC+8).
    now: new Date(Date.UTC(2026, month - 1, day, hour - 8)).toISOString(),
    correlationId: `history-${month}-${day}-${hour}`,
    causationId: null,
    actor: { userId: 'sc-history', role: 'sales-consultant', dealerId: 'd-1' },
  });
  const enquiry = (
    prospectId: string,
    channel: string,
    model: string,
    consultantId: string,
    grade: string,
    phone: string,
  ) =>
    ({
      prospectId,
      dealerId: 'd-1',
      consultantId,
      channel,
      contact: { customerId: `cu-${prospectId}`, name: `Customer ${prospectId}`, phone },
      modelOfInterest: model,
      grade,
    }) as RegisterProspectCommand['data'];
  const p = (step: ProspectStep, context: CommandContext) =>
    prospectStep.execute(new ProspectStepCommand(step, context));
  const s = (step: VehicleSaleStep, context: CommandContext) =>
    saleStep.execute(new VehicleSaleStepCommand(step, context));
  const quote = (prospectId: string, model: string) =>
    ({
      type: 'IssueQuote',
      data: { prospectId, model, listPriceFen: 15_000_000, discountFen: 500_000, financeOption: 'cash' },
    }) as const;
  const orderOf = async (prospectId: string, context: CommandContext) =>
    (
      await order.execute(
        new OrderProspectCommand(
          prospectId,
          {
            model: 'Lavida',
            listPriceFen: 15_000_000,
            discountFen: 500_000,
            payment: 'loan',
            promisedDeliveryAt: '2026-03-12T10:00:00.000Z',
          },
          context,
        ),
      )
    ).saleId;
  const deliver = async (saleId: string, vin: string, day: number) => {
    await s({ type: 'AllocateVehicle', data: { saleId, vin } }, at(day, 9));
    await s({ type: 'InvoiceSale', data: { saleId, invoiceNo: `INV-${vin.slice(-3)}` } }, at(day, 9));
    await s({ type: 'SettleSale', data: { saleId } }, at(day, 10));
    await s({ type: 'PassPreDeliveryInspection', data: { saleId, inspectorId: 'qc-1' } }, at(day, 11));
    await s({ type: 'DeliverVehicle', data: { saleId } }, at(day, 15));
  };

  await traffic.execute(
    new LogWalkInGroupsCommand({ dealerId: 'd-1', date: '2026-03-02', groups: 4 }, at(2, 20)),
  );
  await traffic.execute(
    new LogWalkInGroupsCommand({ dealerId: 'd-1', date: '2026-03-03', groups: 2 }, at(3, 20)),
  );

  await register.execute(
    new RegisterProspectCommand(enquiry('p-1', 'walk-in', 'Lavida', 'sc-li', 'A', '13800000001'), at(2)),
  );
  await register.execute(
    new RegisterProspectCommand(enquiry('p-2', 'phone', 'Tiguan', 'sc-li', 'B', '13800000002'), at(2, 11)),
  );
  await register.execute(
    new RegisterProspectCommand(enquiry('p-3', 'walk-in', 'Lavida', 'sc-wu', 'C', '13800000003'), at(2, 12)),
  );
  await register.execute(
    new RegisterProspectCommand(enquiry('p-4', 'web', 'Lavida', 'sc-wu', 'H', '13800000004'), at(3)),
  );
  await register.execute(
    new RegisterProspectCommand(enquiry('p-5', 'walk-in', 'Tiguan', 'sc-wu', 'A', '13800000005'), at(3, 11)),
  );
  await register.execute(
    new RegisterProspectCommand(enquiry('p-6', 'walk-in', 'Lavida', 'sc-li', 'A', '13800000006'), at(3, 12)),
  );
  // Repeat enquiries from p-3's phone: touches, never new prospects.
  await register.execute(
    new RegisterProspectCommand(enquiry('p-3b', 'phone', 'Lavida', 'sc-li', 'B', '13800000003'), at(4)),
  );
  await register.execute(
    new RegisterProspectCommand(enquiry('p-3c', 'walk-in', 'Lavida', 'sc-li', 'B', '13800000003'), at(5)),
  );

  await p({ type: 'RecordNeedsAnalysis', data: { prospectId: 'p-1', summary: 'commute' } }, at(2, 10));
  await p({ type: 'PresentVehicle', data: { prospectId: 'p-1', model: 'Lavida' } }, at(2, 10));
  await p(
    { type: 'BookTestDrive', data: { prospectId: 'p-1', model: 'Lavida', scheduledFor: at(2, 11).now } },
    at(2, 10),
  );
  await p({ type: 'CompleteTestDrive', data: { prospectId: 'p-1' } }, at(2, 11));
  await p(quote('p-1', 'Lavida'), at(2, 12));
  const sale1 = await orderOf('p-1', at(3, 10));
  await deliver(sale1, 'LSVAA4182E2100001', 10);

  await p({ type: 'RecordNeedsAnalysis', data: { prospectId: 'p-2', summary: 'SUV' } }, at(2, 11));
  await p({ type: 'PresentVehicle', data: { prospectId: 'p-2', model: 'Tiguan' } }, at(2, 11));
  await p(quote('p-2', 'Tiguan'), at(4));
  await p({ type: 'GradeProspect', data: { prospectId: 'p-2', grade: 'F', lostReason: 'price' } }, at(6));

  await p(
    { type: 'GradeProspect', data: { prospectId: 'p-3', grade: 'F', lostReason: 'unreachable' } },
    at(20),
  );

  await p({ type: 'PresentVehicle', data: { prospectId: 'p-4', model: 'Lavida' } }, at(3));
  await p(quote('p-4', 'Lavida'), at(3, 11));
  const sale4 = await orderOf('p-4', at(4));
  await s({ type: 'CancelOrder', data: { saleId: sale4, reason: 'loan refused' } }, at(8));

  await p({ type: 'GradeProspect', data: { prospectId: 'p-5', grade: 'H' } }, at(4));

  await p({ type: 'PresentVehicle', data: { prospectId: 'p-6', model: 'Lavida' } }, at(3, 12));
  await p(quote('p-6', 'Lavida'), at(3, 13));
  const sale6 = await orderOf('p-6', at(5));
  await deliver(sale6, 'LSVAA4182E2100006', 12);

  const survey = (answers: number[], wouldRecommend: number) => ({
    answers: {
      'delivery-process': answers[0],
      'sales-initiation': answers[1],
      deal: answers[2],
      'dealer-facility': answers[3],
      salesperson: answers[4],
    },
    wouldRecommend,
  });
  await s(
    {
      type: 'RecordDeliveryCallback',
      data: { saleId: sale1, reached: true, survey: survey([9, 8, 8, 9, 10], 9) },
    },
    at(15),
  );
  await s({ type: 'RecordDeliveryCallback', data: { saleId: sale6, reached: false } }, at(18));
  await s(
    {
      type: 'RecordDeliveryCallback',
      data: { saleId: sale6, reached: true, survey: survey([7, 6, 8, 9, 8], 6) },
    },
    at(19),
  );

  await traffic.execute(
    new LogWalkInGroupsCommand({ dealerId: 'd-1', date: '2026-04-01', groups: 5 }, at(1, 20, 4)),
  );
};
