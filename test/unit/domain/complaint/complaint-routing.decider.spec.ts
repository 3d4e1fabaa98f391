import type { ComplaintCommand } from '../../../../src/domain/complaint/complaint.commands';
import { createComplaintDecider } from '../../../../src/domain/complaint/complaint.decider';
import type { ComplaintAssigned, ComplaintFiled } from '../../../../src/domain/complaint/complaint.events';
import type { ComplaintCategory } from '../../../../src/domain/complaint/complaint.types';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(createComplaintDecider());
const dealerCrm = { userId: 'u-crm-2', role: 'customer-service', dealerId: 'd-sh-01' };

const filedAs = (category: ComplaintCategory): ComplaintFiled => ({
  type: 'ComplaintFiled',
  data: {
    complaintId: 'c-7',
    dealerId: 'd-sh-01',
    channel: 'dealer',
    category,
    severity: 'general',
    level: 'L1',
    customer: { customerId: 'cu-9', name: 'Wang Fang', phone: '13812345678' },
    relatedSaleId: null,
    relatedRepairOrderId: null,
    description: 'the complaint',
    remedySought: 'an apology',
    filedAt: '2026-03-02T09:00:00.000Z',
    slaPolicyVersion: 'complaint-sla-v1',
    acknowledgeBy: '2026-03-03T09:00:00.000Z',
    resolveBy: '2026-03-05T09:00:00.000Z',
  },
});

const assign = (data: { dealerId?: string; department?: string; assigneeId?: string }): ComplaintCommand => ({
  type: 'AssignComplaint',
  data: { complaintId: 'c-7', ...data },
  metadata: { now: '2026-03-02T10:00:00.000Z', actor: dealerCrm },
});

const assigned = (
  department: string,
  change: { dealerId?: string; assigneeId?: string | null; transfer?: boolean } = {},
): ComplaintAssigned => ({
  type: 'ComplaintAssigned',
  data: {
    complaintId: 'c-7',
    fromDealerId: 'd-sh-01',
    dealerId: change.dealerId ?? 'd-sh-01',
    department,
    assigneeId: change.assigneeId ?? null,
    transfer: change.transfer ?? false,
    reason: null,
    assignedAt: '2026-03-02T10:00:00.000Z',
  },
});

describe('complaint decider: routing by category when an assignment names no department', () => {
  it('routes a product complaint to the product department, service to service, staff to the manager', () => {
    spec
      .given([filedAs('product')])
      .when(assign({ assigneeId: 'u-qa-1' }))
      .then([assigned('product', { assigneeId: 'u-qa-1' })]);
    spec
      .given([filedAs('service')])
      .when(assign({ assigneeId: 'u-sa-14' }))
      .then([assigned('service', { assigneeId: 'u-sa-14' })]);
    spec
      .given([filedAs('staff')])
      .when(assign({ assigneeId: 'u-gm-1' }))
      .then([assigned('manager', { assigneeId: 'u-gm-1' })]);
  });

  it('routes a transfer naming only the dealer to that dealer’s department for the category', () => {
    spec
      .given([filedAs('product')])
      .when(assign({ dealerId: 'd-bj-02' }))
      .then([assigned('product', { dealerId: 'd-bj-02', transfer: true })]);
  });

  it('keeps a department named by hand, and keeps it when a later assignment names only a person', () => {
    spec
      .given([filedAs('staff')])
      .when(assign({ department: 'sales', assigneeId: 'u-sm-2' }))
      .then([assigned('sales', { assigneeId: 'u-sm-2' })]);
    spec
      .given([filedAs('staff'), assigned('sales', { assigneeId: 'u-sm-2' })])
      .when(assign({ assigneeId: 'u-sm-3' }))
      .then([assigned('sales', { assigneeId: 'u-sm-3' })]);
  });

  it('still refuses an assignment naming no dealer, department or person', () => {
    spec
      .given([filedAs('product')])
      .when(assign({}))
      .thenThrows('COMPLAINT_ASSIGNMENT_EMPTY');
  });
});
