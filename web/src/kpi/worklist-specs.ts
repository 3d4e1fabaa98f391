import { get, type ApiResult } from '../api';
import { count, dateTime } from '../format';
import { t, type Label } from '../i18n';
import { hrefOf } from '../route';

/** A worklist row: its cells, and the screen its record opens in. */
export type WorklistRow = Readonly<{ cells: readonly string[]; href: string }>;
/** One page of a worklist: its rows, where they start, and how many the whole list holds. */
export type WorklistTable = Readonly<{
  columns: readonly string[];
  rows: readonly WorklistRow[];
  offset: number;
  total: number;
}>;

/** Rows per page of a worklist (the API's maximum is 200). */
export const WORKLIST_PAGE = 50;

export type WorklistSpec = Readonly<{
  id: string;
  label: Label;
  /** The filter the list offers (complaints: clock status). */
  filters?: readonly string[];
  load: (dealerId: string, filter: string, offset: number) => Promise<ApiResult<WorklistTable>>;
}>;

/** Every worklist answers a page: `items`, `total`, `limit`, `offset` (and fields of its own). */
type Paged<T> = Readonly<{ items: T[]; total: number; offset: number }>;

const mapped = <T>(
  answer: ApiResult<Paged<T>>,
  columns: readonly string[],
  row: (item: T) => WorklistRow,
): ApiResult<WorklistTable> =>
  answer.kind === 'ok'
    ? {
        kind: 'ok',
        data: {
          columns,
          rows: answer.data.items.map(row),
          offset: answer.data.offset,
          total: answer.data.total,
        },
      }
    : answer;

const page = (offset: number) => ({ limit: WORKLIST_PAGE, offset });

type ProspectItem = {
  prospectId: string;
  consultantId: string;
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
type DeliveryCallback = {
  saleId: string;
  customer: { name: string };
  consultantId: string;
  model: string;
  deliveredAt: string;
  callbackDueAt: string;
  overdue: boolean;
};
type LostVehicle = { vin: string; plate: string; lastSettledAt: string; visits: number };
type OpenComplaint = {
  complaintId: string;
  level: string;
  status: string;
  clockStatus: string;
  category: string;
  customer: { name: string };
  filedAt: string;
};

const dueOrOverdue = (overdue: boolean): string => (overdue ? t('overdue') : t('due'));

export const WORKLISTS: readonly WorklistSpec[] = [
  {
    id: 'follow-ups',
    label: 'followUps',
    load: async (dealerId, _filter, offset) =>
      mapped(
        await get<Paged<ProspectItem>>('/prospects/worklist', { dealerId, ...page(offset) }),
        [t('record'), t('consultant'), t('customer'), 'Grade', 'Model', t('due'), t('state')],
        (item) => ({
          href: hrefOf(['record', 'prospects', item.prospectId]),
          cells: [
            item.prospectId,
            item.consultantId,
            item.contact.name,
            item.grade,
            item.modelOfInterest,
            dateTime(item.nextContactDue),
            dueOrOverdue(item.overdue),
          ],
        }),
      ),
  },
  {
    id: 'service-callbacks',
    label: 'serviceCallbacks',
    filters: ['due', 'overdue'],
    load: async (dealerId, state, offset) =>
      mapped(
        await get<Paged<ServiceCallback>>('/service/callbacks', {
          dealerId,
          state: state || 'overdue',
          ...page(offset),
        }),
        [t('record'), 'VIN', 'Plate', t('settled'), t('due'), t('state')],
        (row) => ({
          href: hrefOf(['record', 'repair-orders', row.repairOrderId]),
          cells: [
            row.repairOrderId,
            row.vin,
            row.plate,
            dateTime(row.settledAt),
            dateTime(row.callbackDueAt),
            row.state,
          ],
        }),
      ),
  },
  {
    id: 'delivery-callbacks',
    label: 'deliveryCallbacks',
    load: async (dealerId, _filter, offset) =>
      mapped(
        await get<Paged<DeliveryCallback>>('/vehicle-sales/callbacks', { dealerId, ...page(offset) }),
        [t('record'), t('customer'), t('consultant'), 'Model', t('due'), t('state')],
        (row) => ({
          href: hrefOf(['record', 'vehicle-sales', row.saleId]),
          cells: [
            row.saleId,
            row.customer.name,
            row.consultantId,
            row.model,
            dateTime(row.callbackDueAt),
            dueOrOverdue(row.overdue),
          ],
        }),
      ),
  },
  {
    id: 'lost-vehicles',
    label: 'lostVehicles',
    load: async (dealerId, _filter, offset) =>
      mapped(
        await get<Paged<LostVehicle>>('/service/lost-vehicles', { dealerId, ...page(offset) }),
        ['VIN', 'Plate', t('lastSettled'), t('visits')],
        (row) => ({
          href: hrefOf(['record', 'service', 'vehicles', row.vin, 'history']),
          cells: [row.vin, row.plate, dateTime(row.lastSettledAt), count(row.visits)],
        }),
      ),
  },
  {
    id: 'complaints',
    label: 'openComplaints',
    filters: ['overdue', 'due-soon', 'on-track', 'no-deadline'],
    load: async (dealerId, clockStatus, offset) =>
      mapped(
        await get<Paged<OpenComplaint>>('/complaints/worklist', {
          dealerId,
          clockStatus: clockStatus || undefined,
          ...page(offset),
        }),
        [t('complaint'), t('customer'), t('level'), t('status'), t('clockStatus'), 'Category', t('filed')],
        (row) => ({
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
        }),
      ),
  },
];
