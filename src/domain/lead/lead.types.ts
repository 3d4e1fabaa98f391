/** Where the OEM got the lead (下发销售机会的来源). */
export type LeadSource = 'hotline' | 'website' | 'campaign';
export const LEAD_SOURCES: readonly LeadSource[] = ['hotline', 'website', 'campaign'];

/** The customer as the OEM hands them over; name and phone are personal data (docs/privacy.md). */
export type LeadCustomer = Readonly<{ customerId: string; name: string; phone: string }>;

/**
 * The lead's two clocks, versioned: a handing records the version and the deadline computed from it, so a
 * later change of the policy never moves a clock that has started. Elapsed hours, inclusive.
 */
export type LeadClockPolicy = Readonly<{
  version: string;
  /** The dealer accepts within this many hours of the handing. */
  acceptWithinHours: number;
  /** The dealer makes first contact within this many hours of the acceptance. */
  contactWithinHours: number;
}>;

export const DEFAULT_LEAD_CLOCKS: LeadClockPolicy = {
  version: 'lead-clocks-2026-12',
  acceptWithinHours: 24,
  contactWithinHours: 48,
};

/** Which clock ran out. */
export type LeadReturnReason = 'not-accepted' | 'not-contacted';

/** The clock's only decision on a lead: it returned to the OEM when a clock ran out. */
export type LeadReturnDecision = Readonly<{
  kind: 'returned';
  handing: number;
  reason: LeadReturnReason;
  /** The deadline that passed: the return takes effect then. */
  at: string;
}>;

/** Who recorded a loss: the dealer on a lead with no prospect file, or the linked prospect's own loss. */
export type LeadLossSource = 'dealer' | 'prospect';

/** A conversion counts when the prospect ordered within this many days of the handing (inclusive). */
export const CONVERSION_WINDOW_DAYS = 90;
