import type { DeliveryCallback, DeliveryCallbackList } from '../../../application/sales/vehicle-sale.queries';
import type { VehicleSaleStatus } from '../../../domain/vehicle-sale/vehicle-sale.state';
import type {
  PaymentMethod,
  SaleCustomer,
  SsiFactor,
  SsiSurvey,
} from '../../../domain/vehicle-sale/vehicle-sale.types';
import type { SalesShowroomTraffic } from '../../../projections/sales-showroom-traffic/sales-showroom-traffic.projection';
import type { SsiMonthly } from '../../../projections/ssi-monthly/ssi-monthly.projection';
import type {
  DeliveryCallbackStatus,
  VehicleSaleDetails,
} from '../../../projections/vehicle-sale-details/vehicle-sale-details.projection';
import { ListPageOf, PageOf } from '../shared/page.responses';

/** The answers of the vehicle-sale routes, SSI and showroom traffic, typed by the read models they show. */
export class SaleCustomerView implements SaleCustomer {
  customerId!: string;
  /** As the caller's role may see it: clear, masked or `[erased]`. */
  name!: string;
  phone!: string;
  /** Shown only to the roles that may see it; null for the others. */
  idNumber?: string | null;
  address?: string;
}

export class CancellationView implements NonNullable<VehicleSaleDetails['cancelled']> {
  reason!: string;
  at!: string;
}

export class SsiSurveyView implements SsiSurvey {
  /** Every SSI factor, 1–10. */
  answers!: Record<SsiFactor, number>;
  /** 0–10. */
  wouldRecommend!: number;
  /** The weight set the survey was scored with. */
  weightSetVersion!: string;
}

/** `state`, the decider's own fold, is answered too but is no contract: it is left out of the schema. */
export class VehicleSaleView implements Omit<VehicleSaleDetails, 'state'> {
  saleId!: string;
  prospectId!: string;
  dealerId!: string;
  consultantId!: string;
  customer!: SaleCustomerView;
  /** Also the customer's id in service, complaints and the club. */
  customerId!: string;
  model!: string;
  listPriceFen!: number;
  discountFen!: number;
  priceFen!: number;
  payment!: PaymentMethod;
  status!: VehicleSaleStatus;
  signedAt!: string;
  /** Business month of the signing (CST). */
  signedMonth!: string;
  promisedDeliveryAt!: string;
  depositFen!: number | null;
  vin!: string | null;
  invoiceNo!: string | null;
  settledAt!: string | null;
  inspectedAt!: string | null;
  deliveredAt!: string | null;
  deliveredOnTime!: boolean | null;
  cancelled!: CancellationView | null;
  /** pending until delivery; open from delivery until a callback reaches the customer; then completed. */
  callbackStatus!: DeliveryCallbackStatus;
  callbackDueAt!: string | null;
  callbackAttempts!: number;
  callbackCompletedAt!: string | null;
  callbackOnTime!: boolean | null;
  survey!: SsiSurveyView | null;
  /** Revision of the sale's stream: the ETag of this record, for If-Match. */
  revision!: number;
  updatedAt!: string;
}

export class VehicleSalePage extends ListPageOf(VehicleSaleView) {}

export class DeliveryCallbackView implements DeliveryCallback {
  saleId!: string;
  customer!: SaleCustomerView;
  consultantId!: string;
  vin!: string | null;
  model!: string;
  deliveredAt!: string | null;
  callbackAttempts!: number;
  /** Seven days after delivery. */
  callbackDueAt!: string;
  /** Due before `asOf` itself; the others fall due later that business day. */
  overdue!: boolean;
}

/** The open 7-day callbacks of a dealer, soonest due first, one page of them. */
export class DeliveryCallbackListView extends PageOf(DeliveryCallbackView) implements DeliveryCallbackList {
  dealerId!: string;
  asOf!: string;
  /** The end of the business day of `asOf`: callbacks due before it are listed. */
  dueBefore!: string;
}

export class SsiMonthlyView implements SsiMonthly {
  dealerId!: string;
  /** Business month of the callbacks (CST), YYYY-MM. */
  month!: string;
  weightSetVersion!: string;
  /** Weight % per factor. */
  weights!: Record<SsiFactor, number>;
  surveys!: number;
  /** Sum of the 1–10 answers per factor. */
  answerSums!: Record<SsiFactor, number>;
  promoters!: number;
  passives!: number;
  detractors!: number;
  /** Mean answer × 100 per factor, to two decimals. */
  factorIndex!: Record<SsiFactor, number>;
  /** Σ weight% × factor index, to a whole number. */
  weightedIndex!: number;
  /** % of 9–10 minus % of 0–6, to two decimals. */
  nps!: number;
}

export class ShowroomTrafficView implements SalesShowroomTraffic {
  dealerId!: string;
  /** Business month (CST), YYYY-MM. */
  month!: string;
  /** Walk-in groups logged in the month. */
  groups!: number;
  /** Walk-in groups per business day, YYYY-MM-DD. */
  days!: Record<string, number>;
}
