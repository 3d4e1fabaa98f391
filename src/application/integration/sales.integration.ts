import type {
  ProspectLost,
  ProspectOrdered,
  ProspectRegistered,
} from '../../domain/prospect/prospect.events';
import type {
  OrderCancelled,
  OrderSigned,
  VehicleDelivered,
} from '../../domain/vehicle-sale/vehicle-sale.events';
import { type AnyIntegrationMapping, recordMappings } from './integration-event';

const ownDealer = (data: { dealerId: string }) => data.dealerId;
const prospectEvent = recordMappings(
  'prospect',
  (data: { prospectId: string; dealerId: string }) => data.prospectId,
  ownDealer,
);
const saleEvent = recordMappings(
  'vehicle-sale',
  (data: { saleId: string; dealerId: string }) => data.saleId,
  ownDealer,
);

/** The public data of each type: what the feed and webhooks carry (typed in the OpenAPI document). */
export const prospectRegisteredData = (d: ProspectRegistered['data']) => ({
  prospectId: d.prospectId,
  dealerId: d.dealerId,
  consultantId: d.consultantId,
  channel: d.channel,
  contact: { customerId: d.contact.customerId, name: d.contact.name, phone: d.contact.phone },
  modelOfInterest: d.modelOfInterest,
  budgetFen: d.budgetFen,
  expectedPurchaseBy: d.expectedPurchaseBy,
  campaignId: d.campaignId,
  grade: d.grade,
  registeredAt: d.registeredAt,
});

export const prospectOrderedData = (d: ProspectOrdered['data']) => ({
  prospectId: d.prospectId,
  dealerId: d.dealerId,
  saleId: d.saleId,
  model: d.model,
  priceFen: d.priceFen,
  orderedAt: d.orderedAt,
});

export const prospectLostData = (d: ProspectLost['data']) => ({
  prospectId: d.prospectId,
  dealerId: d.dealerId,
  reason: d.reason,
  stage: d.stage,
  gradeBefore: d.gradeBefore,
  lostAt: d.lostAt,
});

export const saleSignedData = (d: OrderSigned['data']) => ({
  saleId: d.saleId,
  prospectId: d.prospectId,
  dealerId: d.dealerId,
  consultantId: d.consultantId,
  customer: {
    customerId: d.customer.customerId,
    name: d.customer.name,
    phone: d.customer.phone,
    idNumber: d.customer.idNumber ?? null,
    address: d.customer.address ?? null,
  },
  model: d.model,
  listPriceFen: d.listPriceFen,
  discountFen: d.discountFen,
  priceFen: d.priceFen,
  payment: d.payment,
  promisedDeliveryAt: d.promisedDeliveryAt,
  signedAt: d.signedAt,
});

export const saleDeliveredData = (d: VehicleDelivered['data']) => ({
  saleId: d.saleId,
  prospectId: d.prospectId,
  dealerId: d.dealerId,
  customerId: d.customerId,
  vin: d.vin,
  model: d.model,
  promisedDeliveryAt: d.promisedDeliveryAt,
  deliveredAt: d.deliveredAt,
  onTime: d.onTime,
});

export const saleCancelledData = (d: OrderCancelled['data']) => ({
  saleId: d.saleId,
  prospectId: d.prospectId,
  dealerId: d.dealerId,
  cancelledAt: d.cancelledAt,
});

/** Prospects and vehicle sales: registered, ordered, lost; signed, delivered, cancelled. */
export const SALES_MAPPINGS: readonly AnyIntegrationMapping[] = [
  prospectEvent<ProspectRegistered>('ProspectRegistered', 'registered', prospectRegisteredData),
  prospectEvent<ProspectOrdered>('ProspectOrdered', 'ordered', prospectOrderedData),
  prospectEvent<ProspectLost>('ProspectLost', 'lost', prospectLostData),
  saleEvent<OrderSigned>('OrderSigned', 'signed', saleSignedData),
  saleEvent<VehicleDelivered>('VehicleDelivered', 'delivered', saleDeliveredData),
  saleEvent<OrderCancelled>('OrderCancelled', 'cancelled', saleCancelledData),
];
