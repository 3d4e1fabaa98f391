import type { KpiParams } from '../../application/shared/kpi';
import { BUSINESS_MONTH } from '../../application/shared/record-id';
import { UsageError } from '../cli-command';

/** The flag of each KPI parameter, for help texts and errors. */
export const KPI_FLAGS: Readonly<Record<keyof KpiParams, string>> = {
  dealer: '--dealer',
  month: '--month',
  fromMonth: '--from-month',
  toMonth: '--to-month',
  asOf: '--as-of',
  windowMonths: '--window-months',
  customer: '--customer',
  campaign: '--campaign',
  account: '--account',
};

/** As commander hands them over: `window` is the deprecated name of `--window-months`. */
export type RawKpiOptions = Readonly<Partial<Record<keyof KpiParams | 'window', string>>>;

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[\w.:@-]+$/;

const refuse = (flag: string, value: string, expected: string): never => {
  throw new UsageError(`${flag} ${value} is not ${expected}`);
};

/**
 * `--window-months`, or its former name `--window` (still read, as the HTTP routes read `window`): given
 * both with different values, the former is refused rather than one silently winning.
 */
const windowMonthsOf = (options: RawKpiOptions): number | undefined => {
  const { windowMonths, window } = options;
  if (windowMonths !== undefined && window !== undefined && windowMonths !== window)
    throw new UsageError(
      `--window ${window} and --window-months ${windowMonths} differ: --window is the former name of --window-months, give only --window-months`,
    );
  const [flag, value] = windowMonths !== undefined ? ['--window-months', windowMonths] : ['--window', window];
  if (value === undefined) return undefined;
  if (!(/^\d+$/.test(value) && Number(value) >= 1))
    refuse(flag, value, 'a whole number of months above 0 (e.g. 6)');
  return Number(value);
};

/** A real instant whose date is a calendar date (2026-02-30 would roll over to March). */
const isInstant = (value: string): boolean => {
  const match = INSTANT.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  return new Date(`${match[1]}T00:00:00Z`).toISOString().slice(0, 10) === match[1];
};

/**
 * The flags of `crm kpi`, checked: a malformed value would match no read-model document and read as zeros,
 * indistinguishable from a month with no activity.
 */
export const kpiParamsOf = (options: RawKpiOptions): KpiParams => {
  for (const key of ['month', 'fromMonth', 'toMonth'] as const) {
    const value = options[key];
    if (value !== undefined && !BUSINESS_MONTH.test(value))
      refuse(KPI_FLAGS[key], value, 'a month: use YYYY-MM (e.g. 2026-03)');
  }
  if (options.fromMonth && options.toMonth && options.fromMonth > options.toMonth)
    throw new UsageError(
      `--from-month ${options.fromMonth} is after --to-month ${options.toMonth}: the first month comes first`,
    );
  if (options.asOf !== undefined && !isInstant(options.asOf))
    refuse('--as-of', options.asOf, 'an ISO instant: use YYYY-MM-DDTHH:MM[:SS]Z or with an offset (+08:00)');
  for (const key of ['dealer', 'customer', 'campaign', 'account'] as const) {
    const value = options[key];
    if (value !== undefined && !ID.test(value))
      refuse(KPI_FLAGS[key], JSON.stringify(value), 'an id: letters, digits and . _ : @ - (e.g. d-1)');
  }
  return {
    dealer: options.dealer,
    month: options.month,
    fromMonth: options.fromMonth,
    toMonth: options.toMonth,
    asOf: options.asOf,
    windowMonths: windowMonthsOf(options),
    customer: options.customer,
    campaign: options.campaign,
    account: options.account,
  };
};
