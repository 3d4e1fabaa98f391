import { get, type ApiResult } from '../api';
import { count, dateTime } from '../format';
import { t, type Label } from '../i18n';
import { hrefOf } from '../route';

/** A worklist row: its cells, and the screen its record opens in. */
export type WorklistRow = Readonly<{ cells: readonly string[]; href: string }>;
export type WorklistTable = Readonly<{ columns: readonly string[]; rows: readonly WorklistRow[] }>;

export type WorklistSpec = Readonly<{
  id: string;
  label: Label;
  /** The filter the list offers (complaints: clock status). */
  filters?: readonly string[];
  load: (dealerId: string, filter: string) => Promise<ApiResult<WorklistTable>>;
}>;

const mapped = <T>(answer: ApiResult<T>, build: (data: T) => WorklistTable): ApiResult<WorklistTable> =>
  answer.kind === 'ok' ? { kind: 'ok', data: build(answer.data) } : answer;

type ProspectWorklist = {
  consultants: { consultantId: string; prospects: ProspectItem[] }[];
};
type ProspectItem = {
  prospectId: string;
  grade: string;
  contact: { name: string };
  modelOfInterest: string;
  nextContactDue: string;
  overdue: boolean;
};
type ServiceCallback = {
  repairOrderId: string;
  vin: string;
  plate: string;
  settledAt: string;
  callbackDueAt: string;
  state: string;
};
type DeliveryCallbacks = {
  callbacks: {
    saleId: string;
    customer: { name: string };
    consultantId: string;
    model: string;
    deliveredAt: string;
    callbackDueAt: string;
    overdue: boolean;
  }[];
};
type LostVehicles = { vehicles: { vin: string; plate: string; lastSettledAt: string; visits: number }[] };
type ComplaintWorklist = {
  items: {
    complaintId: string;
    level: string;
    status: string;
    clockStatus: string;
    category: string;
    customer: { name: string };
    filedAt: string;
  }[];
};

const dueOrOverdue = (overdue: boolean): string => (overdue ? t('overdue') : t('due'));

export const WORKLISTS: readonly WorklistSpec[] = [
  {
    id: 'follow-ups',
    label: 'followUps',
    load: async (dealerId) =>
      mapped(await get<ProspectWorklist>('/prospects/worklist', { dealerId }), (list) => ({
        columns: [t('record'), t('consultant'), t('customer'), 'Grade', 'Model', t('due'), t('state')],
        rows: list.consultants.flatMap((consultant) =>
          consultant.prospects.map((item) => ({
            href: hrefOf(['record', 'prospects', item.prospectId]),
            cells: [
              item.prospectId,
              consultant.consultantId,
              item.contact.name,
              item.grade,
              item.modelOfInterest,
              dateTime(item.nextContactDue),
              dueOrOverdue(item.overdue),
            ],
          })),
        ),
      })),
  },
  {
    id: 'service-callbacks',
    label: 'serviceCallbacks',
    filters: ['due', 'overdue'],
    load: async (dealerId, state) =>
      mapped(
        await get<ServiceCallback[]>('/service/callbacks', { dealerId, state: state || 'overdue' }),
        (rows) => ({
          columns: [t('record'), 'VIN', 'Plate', t('settled'), t('due'), t('state')],
          rows: rows.map((row) => ({
            href: hrefOf(['record', 'repair-orders', row.repairOrderId]),
            cells: [
              row.repairOrderId,
              row.vin,
              row.plate,
              dateTime(row.settledAt),
              dateTime(row.callbackDueAt),
              row.state,
            ],
          })),
        }),
      ),
  },
  {
    id: 'delivery-callbacks',
    label: 'deliveryCallbacks',
    load: async (dealerId) =>
      mapped(await get<DeliveryCallbacks>('/vehicle-sales/callbacks', { dealerId }), (list) => ({
        columns: [t('record'), t('customer'), t('consultant'), 'Model', t('due'), t('state')],
        rows: list.callbacks.map((row) => ({
          href: hrefOf(['record', 'vehicle-sales', row.saleId]),
          cells: [
            row.saleId,
            row.customer.name,
            row.consultantId,
            row.model,
            dateTime(row.callbackDueAt),
            dueOrOverdue(row.overdue),
          ],
        })),
      })),
  },
  {
    id: 'lost-vehicles',
    label: 'lostVehicles',
    load: async (dealerId) =>
      mapped(await get<LostVehicles>('/service/lost-vehicles', { dealerId }), (list) => ({
        columns: ['VIN', 'Plate', t('lastSettled'), t('visits')],
        rows: list.vehicles.map((row) => ({
          href: hrefOf(['record', 'service', 'vehicles', row.vin, 'history']),
          cells: [row.vin, row.plate, dateTime(row.lastSettledAt), count(row.visits)],
        })),
      })),
  },
  {
    id: 'complaints',
    label: 'openComplaints',
    filters: ['overdue', 'due-soon', 'on-track', 'no-deadline'],
    load: async (dealerId, clockStatus) =>
      mapped(
        await get<ComplaintWorklist>('/complaints/worklist', {
          dealerId,
          clockStatus: clockStatus || undefined,
          limit: 100,
        }),
        (page) => ({
          columns: [
            t('complaint'),
            t('customer'),
            t('level'),
            t('status'),
            t('clockStatus'),
            'Category',
            t('filed'),
          ],
          rows: page.items.map((row) => ({
            href: hrefOf(['complaint', row.complaintId]),
            cells: [
              row.complaintId,
              row.customer.name,
              row.level,
              row.status,
              row.clockStatus,
              row.category,
              dateTime(row.filedAt),
            ],
          })),
        }),
      ),
  },
];
