import { maintenanceDue } from '../repair-order/service-kpis';

/**
 * The rules of the care reminders (客户关怀提醒), versioned: each vehicle event records the version it was
 * decided with, so a later change of the lead times never moves an old reminder's due date.
 */
export const REMINDER_RULES = {
  version: 'care-reminders-2026-1',
  /** The insurance renewal call falls due this many days before the policy expires. */
  insuranceLeadDays: 30,
  /** The annual inspection call falls due this many days before the inspection date. */
  inspectionLeadDays: 30,
  /** The maintenance-due rule of `/service/maintenance-due`: last service + 6 months or + 7,500 km. */
  maintenance: { months: 6, km: 7_500 },
} as const;

const DAY_MS = 86_400_000;

/**
 * One reminder as its vehicle says it: the record it is keyed by (`<vin>-<YYYYMMDD>` for a date, the repair
 * order for maintenance), whose it is, when it began, when it is due, and when a later fact made it obsolete.
 */
export type ReminderDue = Readonly<{
  recordId: string;
  dealerId: string;
  customerId: string;
  openedAt: string;
  dueAt: string;
  /** The date it reminds of (`YYYY-MM-DD`), or what the maintenance is due by (`time`, `mileage`). */
  basis: string;
  supersededAt: string | null;
}>;

/** A date recorded with a vehicle at a business time; `order` breaks ties of `at` (the stream's order). */
export type DateRevision = Readonly<{
  date: string;
  dealerId: string;
  customerId: string;
  at: string;
  order: number;
}>;

const byTime = <T extends { at: string; order: number }>(a: T, b: T): number =>
  Date.parse(a.at) - Date.parse(b.at) || a.order - b.order;

/** Midnight CST of a `YYYY-MM-DD` date, as an ISO instant. */
export const cstMidnight = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();

export const dateRecordId = (vin: string, date: string): string => `${vin}-${date.replace(/-/g, '')}`;

/**
 * One reminder per date ever recorded, read in business-time order (never arrival order): it begins with the
 * first revision naming the date, is due `leadDays` before the date's CST midnight (at once when recorded
 * later than that), and is superseded by the first later revision naming another date, unless a revision
 * after that names the date again.
 */
export const dateReminders = (
  vin: string,
  revisions: readonly DateRevision[],
  leadDays: number,
): ReminderDue[] => {
  const sorted = [...revisions].sort(byTime);
  const dates = [...new Set(sorted.map((revision) => revision.date))].sort();
  return dates.map((date) => {
    const naming = sorted.filter((revision) => revision.date === date);
    const first = naming[0];
    const last = naming[naming.length - 1];
    const next = sorted.find((revision) => byTime(revision, last) > 0 && revision.date !== date);
    const lead = Date.parse(cstMidnight(date)) - leadDays * DAY_MS;
    return {
      recordId: dateRecordId(vin, date),
      dealerId: last.dealerId,
      customerId: last.customerId,
      openedAt: first.at,
      dueAt: new Date(Math.max(lead, Date.parse(first.at))).toISOString(),
      basis: date,
      supersededAt: next?.at ?? null,
    };
  });
};

/** A settled repair order of the vehicle, as the settlement says it. */
export type ServiceVisit = Readonly<{
  repairOrderId: string;
  dealerId: string;
  customerId: string;
  settledAt: string;
  checkedInAt: string;
  mileageKm: number;
}>;

const bySettlement = (a: ServiceVisit, b: ServiceVisit): number =>
  Date.parse(a.settledAt) - Date.parse(b.settledAt) || a.repairOrderId.localeCompare(b.repairOrderId);

/**
 * The maintenance reminder of each settled repair order: due by the maintenance-due rule from the dealer's
 * first reading of the vehicle and this one (as `/service/maintenance-due` reads them), and superseded by the
 * vehicle's next settlement in business-time order (at any dealer: the vehicle was serviced).
 */
export const maintenanceReminders = (visits: readonly ServiceVisit[]): ReminderDue[] => {
  const sorted = [...visits].sort(bySettlement);
  return sorted.map((visit, index) => {
    const first = sorted.find((other) => other.dealerId === visit.dealerId) ?? visit;
    const due = maintenanceDue(first, visit, REMINDER_RULES.maintenance, visit.settledAt);
    return {
      recordId: visit.repairOrderId,
      dealerId: visit.dealerId,
      customerId: visit.customerId,
      openedAt: visit.settledAt,
      dueAt: due.dueAt,
      basis: due.dueBy,
      supersededAt: sorted[index + 1]?.settledAt ?? null,
    };
  });
};
