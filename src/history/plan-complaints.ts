import { complaintStreamId } from '../domain/complaint/complaint.decider';
import { DEFAULT_COMPLAINT_SLA_POLICY } from '../domain/complaint/complaint-sla-policy';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintLevel,
  ComplaintSeverity,
  Satisfaction,
} from '../domain/complaint/complaint.types';
import type { Actor } from '../domain/shared/event';
import { OEM_AGENT } from './history-catalogue';
import type { PlannedStep } from './history-plan.types';
import { type DealerPlan, HOUR, DAY, Story, nextSerial } from './plan-context';
import { type Random, between, chance, pick, weighted } from './random';

const DEPARTMENT: Readonly<Record<ComplaintCategory, string>> = {
  product: 'product-quality',
  service: 'service-department',
  staff: 'general-manager-office',
};
const DESCRIPTIONS: Readonly<Record<ComplaintCategory, readonly string[]>> = {
  product: [
    'Rattling noise from the dashboard above 80 km/h.',
    '车辆在高速行驶时方向盘抖动，客户担心安全问题。',
    'Infotainment screen freezes on start-up.',
  ],
  service: [
    'Charged for work that was not on the approved work order.',
    '保养后发动机故障灯亮起，等待配件两周。',
    'Car was not ready at the promised time.',
  ],
  staff: ['Service advisor was rude on the phone.', '销售顾问承诺处理漆面划痕但一直没有回复。'],
};
const SATISFACTION: Readonly<Record<Satisfaction, number>> = {
  'very-satisfied': 25,
  satisfied: 45,
  neutral: 18,
  dissatisfied: 9,
  'very-dissatisfied': 3,
};

export type ComplaintSubject = Readonly<{
  customer: { customerId: string; name: string; phone: string };
  category: ComplaintCategory;
  relatedRepairOrderId?: string;
  relatedSaleId?: string;
}>;

/**
 * One complaint through the closed loop. About 15 % are acknowledged late and 12 % resolved after their
 * deadline; the writer's deadline watcher then records the missed deadlines and escalates, as the live
 * watcher would. 5 % are escalated by hand, 15 % have a first proposal rejected, 3 % are reopened.
 */
export const planComplaint = (
  random: Random,
  dealer: DealerPlan,
  subject: ComplaintSubject,
  filedAt: number,
): PlannedStep[] => {
  const { dealerId } = dealer;
  const complaintId = `cp-${dealerId}-${nextSerial(dealer)}`;
  const policy = DEFAULT_COMPLAINT_SLA_POLICY;
  const level = weighted<ComplaintLevel>(random, { L1: 85, L2: 10, L3: 5 });
  const severity = weighted<ComplaintSeverity>(random, { minor: 40, general: 45, major: 15 });
  const channel = weighted<ComplaintChannel>(random, {
    dealer: 35,
    hotline: 30,
    'oem-call-centre': 20,
    web: 15,
  });
  const desk: Actor = { userId: `cs-${dealerId}-2`, role: 'customer-service', dealerId };
  const manager: Actor = { userId: `gm-${dealerId}`, role: 'dealer-manager', dealerId };
  const c = new Story('complaint', complaintStreamId(complaintId), filedAt);
  c.step(
    'FileComplaint',
    {
      complaintId,
      dealerId,
      channel,
      category: subject.category,
      severity,
      level,
      customer: subject.customer,
      ...(subject.relatedRepairOrderId ? { relatedRepairOrderId: subject.relatedRepairOrderId } : {}),
      ...(subject.relatedSaleId ? { relatedSaleId: subject.relatedSaleId } : {}),
      description: pick(random, DESCRIPTIONS[subject.category]),
      remedySought: pick(random, [
        'repair',
        'refund of the labour charge',
        '厂家检测并书面答复',
        'apology and goodwill',
      ]),
    },
    channel === 'dealer' ? desk : OEM_AGENT,
  );
  const ackWindow = policy.acknowledgeWithinHours[level] * HOUR;
  c.at(
    filedAt + ackWindow * (chance(random, 0.15) ? between(random, 1.05, 1.3) : between(random, 0.05, 0.9)),
  );
  c.step('AcknowledgeComplaint', { complaintId, note: 'received, calling the customer' }, desk);
  c.after(between(random, 0.2, 2) * HOUR).step(
    'AssignComplaint',
    { complaintId, department: DEPARTMENT[subject.category], assigneeId: manager.userId },
    desk,
  );
  c.after(between(random, 0.5, 6) * HOUR).step(
    'RecordCustomerContact',
    {
      complaintId,
      channel: pick(random, ['phone', 'wechat', 'visit'] as const),
      summary: 'listened to the customer, agreed next steps',
    },
    manager,
  );
  if (level !== 'L3' && chance(random, 0.05)) {
    // The deadline watcher may have escalated it to the top already: then the API refuses these (422).
    c.after(between(random, 1, 5) * HOUR).step(
      'EscalateComplaint',
      { complaintId, reason: 'customer very upset, asks for the brand' },
      manager,
      ['COMPLAINT_AT_TOP_LEVEL'],
    );
    c.after(between(random, 1, 6) * HOUR).step(
      'AcknowledgeComplaint',
      { complaintId, note: 'brand complaint desk took over' },
      OEM_AGENT,
      ['COMPLAINT_ALREADY_ACKNOWLEDGED'],
    );
  }
  const resolveWindow = policy.resolveWithinHours[severity] * HOUR;
  const resolveAt = chance(random, 0.12)
    ? filedAt + resolveWindow + between(random, 1, 6) * HOUR
    : filedAt + resolveWindow * between(random, 0.4, 0.9);
  c.at((c.t + resolveAt) / 2).step(
    'AddInvestigationNote',
    { complaintId, note: 'checked the repair order and spoke to the technician' },
    manager,
  );
  const resolveOnce = (at: number) => {
    if (chance(random, 0.15)) {
      c.after(between(random, 0.5, 2) * HOUR).step(
        'ProposeResolution',
        { complaintId, remedyOffered: 'free re-inspection' },
        manager,
      );
      c.after(between(random, 1, 4) * HOUR).step(
        'RecordResolutionResponse',
        { complaintId, accepted: false, comment: 'wants the part replaced' },
        manager,
      );
    }
    c.at(at - between(random, 1, 3) * HOUR).step(
      'ProposeResolution',
      {
        complaintId,
        remedyOffered: pick(random, [
          'part replaced free of charge',
          'refund of the labour charge',
          'goodwill maintenance voucher',
        ]),
      },
      manager,
    );
    c.after(between(random, 0.2, 0.9) * HOUR).step(
      'RecordResolutionResponse',
      { complaintId, accepted: true },
      manager,
    );
    c.at(at).step('ResolveComplaint', { complaintId }, manager);
    const callbackWindow = policy.callbackWithinHours * HOUR;
    c.after(
      chance(random, 0.1)
        ? callbackWindow * between(random, 1.05, 1.6)
        : callbackWindow * between(random, 0.05, 0.9),
    );
    if (chance(random, 0.06)) {
      c.step('RecordCallback', { complaintId, reached: false, note: 'no answer' }, desk);
      c.after(between(random, 2, 6) * HOUR);
    }
    c.step(
      'RecordCallback',
      { complaintId, reached: true, satisfaction: weighted(random, SATISFACTION) },
      desk,
    );
    c.after(between(random, 5, 60) * 60_000).step('CloseComplaint', { complaintId }, manager);
  };
  resolveOnce(resolveAt);
  if (chance(random, 0.03)) {
    c.after(between(random, 1, 7) * DAY).step(
      'ReopenComplaint',
      { complaintId, reason: 'the noise came back' },
      desk,
    );
    resolveOnce(c.t + between(random, 0.3, 0.9) * policy.resolveWithinHours[severity] * HOUR);
  }
  return c.end();
};
