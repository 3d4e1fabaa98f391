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
import { type AnyIntegrationMapping, integrationType as type, mapping } from './integration-event';

const prospect = (data: { prospectId: string }) => data.prospectId;
const sale = (data: { saleId: string }) => data.saleId;
const ownDealer = (data: { dealerId: string }) => data.dealerId;

/** Prospects and vehicle sales: registered, ordered, lost; signed, delivered, cancelled. */
export const SALES_MAPPINGS: readonly AnyIntegrationMapping[] = [
  mapping<ProspectRegistered>({
    from: 'ProspectRegistered',
    type: type('prospect', 'registered'),
    record: 'prospect',
    recordId: prospect,
    dealerOf: ownDealer,
    data: (d) => ({
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
    }),
  }),
  mapping<ProspectOrdered>({
    from: 'ProspectOrdered',
    type: type('prospect', 'ordered'),
    record: 'prospect',
    recordId: prospect,
    dealerOf: ownDealer,
    data: (d) => ({
      prospectId: d.prospectId,
      dealerId: d.dealerId,
      saleId: d.saleId,
      model: d.model,
      priceFen: d.priceFen,
      orderedAt: d.orderedAt,
    }),
  }),
  mapping<ProspectLost>({
    from: 'ProspectLost',
    type: type('prospect', 'lost'),
    record: 'prospect',
    recordId: prospect,
    dealerOf: ownDealer,
    data: (d) => ({
      prospectId: d.prospectId,
      dealerId: d.dealerId,
      reason: d.reason,
      stage: d.stage,
      gradeBefore: d.gradeBefore,
      lostAt: d.lostAt,
    }),
  }),
  mapping<OrderSigned>({
    from: 'OrderSigned',
    type: type('vehicle-sale', 'signed'),
    record: 'vehicle-sale',
    recordId: sale,
    dealerOf: ownDealer,
    data: (d) => ({
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
    }),
  }),
  mapping<VehicleDelivered>({
    from: 'VehicleDelivered',
    type: type('vehicle-sale', 'delivered'),
    record: 'vehicle-sale',
    recordId: sale,
    dealerOf: ownDealer,
    data: (d) => ({
      saleId: d.saleId,
      prospectId: d.prospectId,
      dealerId: d.dealerId,
      customerId: d.customerId,
      vin: d.vin,
      model: d.model,
      promisedDeliveryAt: d.promisedDeliveryAt,
      deliveredAt: d.deliveredAt,
      onTime: d.onTime,
    }),
  }),
  mapping<OrderCancelled>({
    from: 'OrderCancelled',
    type: type('vehicle-sale', 'cancelled'),
    record: 'vehicle-sale',
    recordId: sale,
    dealerOf: ownDealer,
    data: (d) => ({
      saleId: d.saleId,
      prospectId: d.prospectId,
      dealerId: d.dealerId,
      cancelledAt: d.cancelledAt,
    }),
  }),
];
