import type {
  CallbackItem,
  CallbackList,
  CallbackState,
  ServiceHistory,
} from '../../../application/repair-order/repair-order.queries';
import type { CsiFactor } from '../../../domain/repair-order/csi-weights';
import type {
  RepairOrderPayer,
  RepairOrderStage,
  RepairOrderType,
} from '../../../domain/repair-order/repair-order.types';
import type { RepairOrderDetails } from '../../../projections/repair-order-details/repair-order-details.projection';
import type { ServiceVehicle } from '../../../projections/service-vehicles/service-vehicles.projection';
import { ListPageOf, PageOf } from '../shared/page.responses';
import { ClockedWorkDto, LabourOperationDto, PartLineDto } from './repair-order.bodies';

/** The answers of the repair-order routes, typed by the read models they show: `implements` keeps them in step. */
export class AppointmentView {
  /** When the customer will bring the vehicle. */
  requestedFor!: string;
  bookedAt!: string;
}

export class ReworkView {
  reason!: string;
  /** True when the authorisation recognised it (same operation settled within 30 days at this dealer). */
  automatic!: boolean;
  previousRepairOrderId!: string | null;
}

export class InspectionView {
  passed!: boolean;
  inspectorId!: string;
  findings!: string | null;
  at!: string;
}

export class CsiResultView {
  /** Each factor answered 1–10. */
  answers!: Record<CsiFactor, number>;
  wouldRecommend!: number;
  weightSetVersion!: string;
}

export class RepairOrderView implements RepairOrderDetails {
  repairOrderId!: string;
  dealerId!: string;
  vin!: string;
  /** As the caller's role may see it: clear, masked or `[erased]`. */
  plate!: string;
  customerId!: string;
  status!: RepairOrderStage;
  /** Booking or check-in time, whichever came first: the list's sort key. */
  createdAt!: string;
  appointment!: AppointmentView | null;
  fromAppointment!: boolean;
  serviceAdvisorId!: string | null;
  mileageKm!: number | null;
  customerDescription!: string | null;
  checkedInAt!: string | null;
  diagnosis!: string | null;
  labour!: LabourOperationDto[];
  parts!: PartLineDto[];
  estimateFen!: number | null;
  operationCodes!: string[];
  rework!: ReworkView | null;
  clocked!: ClockedWorkDto[];
  inspections!: InspectionView[];
  deliveredAt!: string | null;
  roType!: RepairOrderType | null;
  payer!: RepairOrderPayer | null;
  labourFen!: number | null;
  partsFen!: number | null;
  totalFen!: number | null;
  settledAt!: string | null;
  /** Business month of settlement (China Standard Time), the KPIs' month. */
  settledMonth!: string | null;
  /** The 3-day callback (服务回访); completed when the CSI survey is recorded. */
  callbackDueAt!: string | null;
  callbackCompletedAt!: string | null;
  csi!: CsiResultView | null;
  cancelledAt!: string | null;
  cancelReason!: string | null;
  /** Revision of the repair order's stream: the ETag of this record, for If-Match. */
  revision!: number;
  updatedAt!: string;
}

export class RepairOrderPage extends ListPageOf(RepairOrderView) {}

export class CallbackView implements CallbackItem {
  repairOrderId!: string;
  dealerId!: string;
  vin!: string;
  plate!: string;
  customerId!: string;
  settledAt!: string;
  callbackDueAt!: string;
  /** When the CSI survey was recorded. */
  callbackCompletedAt!: string | null;
  /** completed once the survey is in; overdue when its due time has passed at the as-of instant. */
  state!: CallbackState;
}

/** The 3-day callbacks of a dealer as of an instant, soonest due first, one page of them. */
export class CallbackListView extends PageOf(CallbackView) implements CallbackList {
  dealerId!: string;
  /** The instant the states are as of. */
  asOf!: string;
}

export class ServiceReading {
  repairOrderId!: string;
  settledAt!: string;
  mileageKm!: number;
  checkedInAt!: string;
}

export class ServiceVehicleView implements ServiceVehicle {
  dealerId!: string;
  vin!: string;
  plate!: string;
  customerId!: string;
  /** Business months (China Standard Time) with a settled repair order, sorted, each once. */
  settledMonths!: string[];
  /** Every settlement instant, sorted. */
  settlements!: string[];
  visits!: number;
  first!: ServiceReading;
  last!: ServiceReading;
}

export class ServiceHistoryView implements ServiceHistory {
  vin!: string;
  /** The vehicle's record at each dealer it was serviced at; a dealer-bound caller sees only its own. */
  dealers!: ServiceVehicleView[];
  /** Every repair order of the vehicle, oldest first; a dealer-bound caller sees only its dealer's. */
  repairOrders!: RepairOrderView[];
}
