import type {
  AcknowledgeComplaint,
  FileComplaint,
} from '../../../../src/domain/complaint/complaint.commands';
import { createComplaintDecider } from '../../../../src/domain/complaint/complaint.decider';
import type {
  ComplaintAcknowledged,
  ComplaintFiled,
} from '../../../../src/domain/complaint/complaint.events';
import { deciderSpecification } from '../../../support/decider-specification';

const actor = { userId: 'u-hotline-7', role: 'oem-staff', dealerId: null };
const spec = deciderSpecification(createComplaintDecider());

const fileAt = (now: string, overrides: Partial<FileComplaint['data']> = {}): FileComplaint => ({
  type: 'FileComplaint',
  data: {
    complaintId: 'c-42',
    dealerId: 'd-sh-01',
    channel: 'hotline',
    category: 'service',
    severity: 'general',
    customer: { customerId: 'cu-9', name: 'Wang Fang', phone: '13812345678' },
    relatedRepairOrderId: 'ro-77',
    description: 'Brake noise came back two days after the repair',
    remedySought: 'free re-repair and a courtesy car',
    ...overrides,
  },
  metadata: { now, actor },
});

// Filed 2026-03-02 09:00 UTC as a general (3-day) L1 (24 h acknowledgement) complaint.
const filed: ComplaintFiled = {
  type: 'ComplaintFiled',
  data: {
    complaintId: 'c-42',
    dealerId: 'd-sh-01',
    channel: 'hotline',
    category: 'service',
    severity: 'general',
    level: 'L1',
    customer: { customerId: 'cu-9', name: 'Wang Fang', phone: '13812345678' },
    relatedSaleId: null,
    relatedRepairOrderId: 'ro-77',
    description: 'Brake noise came back two days after the repair',
    remedySought: 'free re-repair and a courtesy car',
    filedAt: '2026-03-02T09:00:00.000Z',
    slaPolicyVersion: 'complaint-sla-v1',
    acknowledgeBy: '2026-03-03T09:00:00.000Z',
    resolveBy: '2026-03-05T09:00:00.000Z',
  },
};

const acknowledgeAt = (now: string): AcknowledgeComplaint => ({
  type: 'AcknowledgeComplaint',
  data: { complaintId: 'c-42', note: 'called the customer back' },
  metadata: { now, actor: { userId: 'u-crm-2', role: 'customer-service', dealerId: 'd-sh-01' } },
});

describe('complaint decider: filing and acknowledgement', () => {
  it('files a complaint with the deadlines of its level and severity', () => {
    spec.given([]).when(fileAt('2026-03-02T09:00:00.000Z')).then([filed]);
  });

  it('gives a major L3 complaint 4 hours to acknowledge and 5 days to resolve', () => {
    const [event] = createComplaintDecider().decide(
      fileAt('2026-03-02T09:00:00Z', { severity: 'major', level: 'L3' }),
      { status: 'none' },
    );
    expect(event.data).toMatchObject({
      level: 'L3',
      acknowledgeBy: '2026-03-02T13:00:00.000Z',
      resolveBy: '2026-03-07T09:00:00.000Z',
    });
  });

  it('refuses to file the same complaint twice', () => {
    spec.given([filed]).when(fileAt('2026-03-02T10:00:00.000Z')).thenThrows('COMPLAINT_ALREADY_FILED');
  });

  it('acknowledges within the deadline as on time', () => {
    const acknowledged: ComplaintAcknowledged = {
      type: 'ComplaintAcknowledged',
      data: {
        complaintId: 'c-42',
        dealerId: 'd-sh-01',
        acknowledgedAt: '2026-03-03T09:00:00.000Z',
        note: 'called the customer back',
        acknowledgeBy: '2026-03-03T09:00:00.000Z',
        onTime: true,
      },
    };
    spec.given([filed]).when(acknowledgeAt('2026-03-03T09:00:00.000Z')).then([acknowledged]);
  });

  it('records a late acknowledgement as a missed deadline', () => {
    const [event] = createComplaintDecider().decide(acknowledgeAt('2026-03-03T09:00:01.000Z'), {
      status: 'filed',
      ...filed.data,
    });
    expect(event.data).toMatchObject({ onTime: false, acknowledgeBy: '2026-03-03T09:00:00.000Z' });
  });

  it('refuses to acknowledge an unknown complaint', () => {
    spec.given([]).when(acknowledgeAt('2026-03-03T09:00:00.000Z')).thenThrows('COMPLAINT_NOT_FOUND');
  });

  it('refuses a second acknowledgement', () => {
    const first = createComplaintDecider().decide(acknowledgeAt('2026-03-02T12:00:00.000Z'), {
      status: 'filed',
      ...filed.data,
    });
    spec
      .given([filed, ...first])
      .when(acknowledgeAt('2026-03-02T13:00:00.000Z'))
      .thenThrows('COMPLAINT_ALREADY_ACKNOWLEDGED', {
        complaintId: 'c-42',
        acknowledgedAt: '2026-03-02T12:00:00.000Z',
      });
  });

  it('refuses an acknowledgement dated before the filing', () => {
    spec
      .given([filed])
      .when(acknowledgeAt('2026-03-02T08:59:59.000Z'))
      .thenThrows('COMPLAINT_ACTION_BEFORE_FILING');
  });
});
