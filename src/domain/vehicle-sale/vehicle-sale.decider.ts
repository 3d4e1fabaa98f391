import { codedReasons } from '../shared/unhappy-reasons';
import type { Decider } from '../shared/event';
import { isOnOrBefore } from '../shared/time';
import type * as C from './vehicle-sale.commands';
import {
  VehicleSaleAlreadySigned,
  VehicleSaleNotFound,
  callbackCompleted,
  reasonsWithoutSurvey,
  residentIdInvalid,
  discountTooHigh,
  notDelivered,
  notReadyForDelivery,
  saleCancelled,
  saleDelivered,
  stepDone,
  stepOutOfOrder,
  surveyWithoutContact,
} from './vehicle-sale.errors';
import type { VehicleSaleEvent } from './vehicle-sale.events';
import { buyerProfileOf } from './buyer-profile';
import { DEFAULT_SSI_WEIGHT_SET, type SsiWeightSet } from './ssi-weights';
import { evolveVehicleSale, type SignedSale, type VehicleSaleState } from './vehicle-sale.state';
import { callbackDueAfter } from './vehicle-sale.types';

export type { VehicleSaleState } from './vehicle-sale.state';

const sign = (command: C.SignOrder, state: VehicleSaleState): VehicleSaleEvent[] => {
  if (state.status !== 'none') throw new VehicleSaleAlreadySigned(command.data.saleId, state.prospectId);
  const { data } = command;
  if (data.discountFen > data.listPriceFen)
    throw discountTooHigh(data.saleId, data.listPriceFen, data.discountFen);
  // The one read of a personal field's content by a decider: the clear ID number of the command, once.
  const buyerProfile = buyerProfileOf(data.customer.idNumber, command.metadata.now);
  if (typeof buyerProfile === 'string') throw residentIdInvalid(data.saleId, buyerProfile);
  const priceFen = data.listPriceFen - data.discountFen;
  return [{ type: 'OrderSigned', data: { ...data, priceFen, buyerProfile, signedAt: command.metadata.now } }];
};

/** Nothing follows a cancellation; after delivery only the callback does. */
const guard = (command: Exclude<C.VehicleSaleCommand, C.SignOrder>, state: SignedSale) => {
  if (state.status === 'cancelled') throw saleCancelled(state.saleId, command.type);
  if (state.status === 'delivered' && command.type !== 'RecordDeliveryCallback')
    throw saleDelivered(state.saleId, command.type);
};

const onSigned = (
  command: Exclude<C.VehicleSaleCommand, C.SignOrder>,
  state: SignedSale,
  weights: SsiWeightSet,
): VehicleSaleEvent[] => {
  guard(command, state);
  const { saleId } = state;
  const now = command.metadata.now;
  switch (command.type) {
    case 'PayDeposit':
      if (state.depositFen !== null) throw stepDone(saleId, 'a deposit');
      return [{ type: 'DepositPaid', data: { saleId, amountFen: command.data.amountFen, paidAt: now } }];
    case 'AllocateVehicle':
      // A re-allocation before delivery is allowed (a damaged unit is swapped); it voids the inspection.
      return [{ type: 'VehicleAllocated', data: { saleId, vin: command.data.vin, allocatedAt: now } }];
    case 'InvoiceSale':
      if (state.invoiced) throw stepDone(saleId, 'an invoice');
      if (state.vin === null) throw stepOutOfOrder(saleId, 'an invoice', 'the vehicle allocation (VIN)');
      return [
        {
          type: 'SaleInvoiced',
          data: { saleId, invoiceNo: command.data.invoiceNo, amountFen: state.priceFen, invoicedAt: now },
        },
      ];
    case 'SettleSale':
      if (state.settled) throw stepDone(saleId, 'its settlement');
      if (!state.invoiced) throw stepOutOfOrder(saleId, 'a settlement', 'the invoice');
      return [{ type: 'SaleSettled', data: { saleId, amountFen: state.priceFen, settledAt: now } }];
    case 'PassPreDeliveryInspection':
      if (state.vin === null)
        throw stepOutOfOrder(saleId, 'a pre-delivery inspection', 'the vehicle allocation (VIN)');
      if (state.inspected) throw stepDone(saleId, 'a passed pre-delivery inspection');
      return [
        {
          type: 'PreDeliveryInspectionPassed',
          data: { saleId, vin: state.vin, inspectorId: command.data.inspectorId, passedAt: now },
        },
      ];
    case 'DeliverVehicle': {
      const missing = [
        ...(state.settled ? [] : ['the settlement']),
        ...(state.inspected ? [] : ['the pre-delivery inspection']),
      ];
      if (missing.length || state.vin === null) throw notReadyForDelivery(saleId, missing);
      return [
        {
          type: 'VehicleDelivered',
          data: {
            saleId,
            prospectId: state.prospectId,
            dealerId: state.dealerId,
            consultantId: state.consultantId,
            customerId: state.customerId,
            vin: state.vin,
            model: state.model,
            promisedDeliveryAt: state.promisedDeliveryAt,
            deliveredAt: now,
            onTime: isOnOrBefore(now, state.promisedDeliveryAt),
            callbackDueAt: callbackDueAfter(now),
          },
        },
      ];
    }
    case 'CancelOrder':
      return [
        {
          type: 'OrderCancelled',
          data: {
            saleId,
            prospectId: state.prospectId,
            dealerId: state.dealerId,
            reason: command.data.reason,
            cancelledAt: now,
          },
        },
      ];
    case 'RecordDeliveryCallback': {
      if (state.status !== 'delivered' || state.callbackDueAt === null) throw notDelivered(saleId);
      if (state.callbackCompleted) throw callbackCompleted(saleId);
      const { reached, survey } = command.data;
      if (survey && !reached) throw surveyWithoutContact(saleId);
      if (!survey && (command.data.unhappyReasons?.length ?? 0) > 0) throw reasonsWithoutSurvey(saleId);
      const coded = codedReasons('ssi', command.data.unhappyReasons);
      return [
        {
          type: 'DeliveryCallbackRecorded',
          data: {
            saleId,
            dealerId: state.dealerId,
            consultantId: state.consultantId,
            calledAt: now,
            callbackDueAt: state.callbackDueAt,
            onTime: isOnOrBefore(now, state.callbackDueAt),
            reached,
            survey: survey ?? null,
            weightSetVersion: survey ? weights.version : null,
            weights: survey ? weights.weights : null,
            ...coded,
            customerId: state.customerId,
          },
        },
      ];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
};

/** The vehicle sale (整车销售): from the signed order to delivery and the 7-day SSI callback. */
export const createVehicleSaleDecider = (
  weights: SsiWeightSet = DEFAULT_SSI_WEIGHT_SET,
): Decider<VehicleSaleState, C.VehicleSaleCommand, VehicleSaleEvent> => ({
  initialState: () => ({ status: 'none' }),
  evolve: evolveVehicleSale,
  decide: (command, state) => {
    if (command.type === 'SignOrder') return sign(command, state);
    if (state.status === 'none') throw new VehicleSaleNotFound(command.data.saleId);
    return onSigned(command, state, weights);
  },
});

export const vehicleSaleStreamId = (saleId: string): string => `vehiclesale-${saleId}`;
