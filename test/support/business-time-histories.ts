import type { TestApp } from './test-app';

/*
 * Generated histories for the business-time property (test/api/business-time.property.e2e-spec.ts), in
 * business-time-complaints.ts and business-time-members.ts: the paths integrators reach (reopened loops,
 * manual escalations, transfers, callbacks not reached, several proposals; adjustments, cancellations,
 * short vouchers, refused redemptions) and facts dated exactly at a due instant (a deadline, a lot's
 * expiry, a lapse, a voucher's expiry), where "before" and "at" part. This file holds what both share.
 */
export const NOW = '2026-12-01T02:00:00.000Z';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const json = { 'content-type': 'application/json' };

/** The dealers of one run: each run has its own, so the per-dealer KPIs compare that run's records only. */
export type Dealers = Readonly<{ home: string; other: string }>;
/** `at`: where the fact comes in the sync, its business time (a backdated contact is dated earlier). */
export type Fact = Readonly<{ at: number; send: (api: TestApp) => Promise<string> }>;

export const iso = (ms: number) => new Date(ms).toISOString();
/** The answer as the caller sees it: the status, and the problem's code when refused. */
export const post = (url: string, payload: Record<string, unknown>) => async (api: TestApp) => {
  const response = await api.request({ method: 'POST', url, headers: json, payload });
  if (response.statusCode < 400) return String(response.statusCode);
  return `${response.statusCode} ${(response.json() as { code?: string }).code}`;
};
