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

/** Prospects and vehicle sales: registered, ordered, lost; signed, delivered, cancelled. */
export const SALES_MAPPINGS: readonly AnyIntegrationMapping[] = [
  prospectEvent<ProspectRegistered>('ProspectRegistered', 'registered', (d) => ({
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
  })),
  prospectEvent<ProspectOrdered>('ProspectOrdered', 'ordered', (d) => ({
    prospectId: d.prospectId,
    dealerId: d.dealerId,
    saleId: d.saleId,
    model: d.model,
    priceFen: d.priceFen,
    orderedAt: d.orderedAt,
  })),
  prospectEvent<ProspectLost>('ProspectLost', 'lost', (d) => ({
    prospectId: d.prospectId,
    dealerId: d.dealerId,
    reason: d.reason,
    stage: d.stage,
    gradeBefore: d.gradeBefore,
    lostAt: d.lostAt,
  })),
  saleEvent<OrderSigned>('OrderSigned', 'signed', (d) => ({
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
  })),
  saleEvent<VehicleDelivered>('VehicleDelivered', 'delivered', (d) => ({
    saleId: d.saleId,
    prospectId: d.prospectId,
    dealerId: d.dealerId,
    customerId: d.customerId,
    vin: d.vin,
    model: d.model,
    promisedDeliveryAt: d.promisedDeliveryAt,
    deliveredAt: d.deliveredAt,
    onTime: d.onTime,
  })),
  saleEvent<OrderCancelled>('OrderCancelled', 'cancelled', (d) => ({
    saleId: d.saleId,
    prospectId: d.prospectId,
    dealerId: d.dealerId,
    cancelledAt: d.cancelledAt,
  })),
];
