import type { CustomerFile } from '../../../application/privacy/customer-file.query';
import type { AccessAuditEntry } from '../../../projections/access-audit/access-audit.projection';
import { ComplaintView } from '../complaint/complaint.responses';
import { MemberView } from '../membership/membership.responses';
import { RepairOrderView, ServiceVehicleView } from '../repair-order/repair-order.responses';
import { ProspectView } from '../sales/prospect.responses';
import { VehicleSaleView } from '../sales/vehicle-sale.responses';
import { CommandReply } from '../shared/command.responses';
import { PageOf } from '../shared/page.responses';

/** Personal data in every list reads as the caller's role may see it, `[erased]` once forgotten. */
export class CustomerFileView implements CustomerFile {
  /** @example cu-1001 */
  customerId!: string;
  /** Each as `GET /prospects/{prospectId}` shows it. */
  prospects!: ProspectView[];
  /** Each as `GET /vehicle-sales/{saleId}` shows it. */
  vehicleSales!: VehicleSaleView[];
  /** The customer's vehicles as the workshop knows them. */
  vehicles!: ServiceVehicleView[];
  /** Each as `GET /repair-orders/{repairOrderId}` shows it. */
  repairOrders!: RepairOrderView[];
  /** Each as `GET /complaints/{complaintId}` shows it. */
  complaints!: ComplaintView[];
  /** The club membership, network-wide; null when the customer is not a member. */
  membership!: MemberView | null;
}

export class ForgottenCustomerReply extends CommandReply {
  /** When the key was destroyed (now, or at the first forgetting). @example 2026-04-20T02:00:00.000Z */
  erasedAt!: string;
}

export class AccessAuditEntryView implements AccessAuditEntry {
  eventId!: string;
  /** @example file-opened */
  kind!: 'file-opened' | 'customer-forgotten';
  /** @example cu-1001 */
  customerId!: string;
  /** @example sc-li */
  actorId!: string;
  /** @example sales-consultant */
  role!: string;
  dealerId!: string | null;
  /** The route template that opened the record. @example "GET /customers/:customerId" */
  route!: string | null;
  recordId!: string | null;
  /** From `X-Access-Reason`; for a forgetting, its reason. @example "callback about complaint c-1" */
  reason!: string | null;
  /** The forgetting request's reference. */
  requestReference!: string | null;
  at!: string;
  correlationId!: string;
  /** Global position of the event: orders entries recorded within the same instant. */
  position!: number;
}

export class AccessAuditPage extends PageOf(AccessAuditEntryView) {}
