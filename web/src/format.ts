import { language } from './i18n';

/** The business runs on China Standard Time, whatever the browser's own zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const locale = (): string => (language() === 'en' ? 'en-GB' : 'zh-CN');

/** An instant as a date and time in China Standard Time. */
export const dateTime = (iso: string | null | undefined): string =>
  iso
    ? new Intl.DateTimeFormat(locale(), {
        timeZone: BUSINESS_TIME_ZONE,
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(iso))
    : '—';

/** The API counts money in fen (1/100 yuan); shown as RMB. */
export const rmbFromFen = (fen: number | null | undefined): string =>
  fen === null || fen === undefined
    ? '—'
    : new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CNY' }).format(fen / 100);

/** A rate of 0…1 as a percentage with one decimal. */
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;

export const count = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat(locale()).format(value);

/** A duration in minutes as days, hours and minutes. */
export const minutes = (total: number | null | undefined): string => {
  if (total === null || total === undefined) return '—';
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = Math.round(total % 60);
  return [days ? `${days}d` : '', hours ? `${hours}h` : '', `${rest}m`].filter(Boolean).join(' ');
};

/** The business month (YYYY-MM, CST) of an instant. */
export const businessMonthOf = (at: Date): string =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/** The month and the `before` months before it, oldest first. */
export const monthsEndingWith = (month: string, before: number): string[] => {
  const [year, number] = month.split('-').map(Number);
  return Array.from({ length: before + 1 }, (_, index) => {
    const date = new Date(Date.UTC(year, number - 1 - (before - index), 1));
    return date.toISOString().slice(0, 7);
  });
};
