import type { LostReason } from '../prospect/prospect.types';
import type { Event } from '../shared/event';
import type { PersonalDataDeclaration } from '../shared/personal-data';
import type {
  LeadCustomer,
  LeadLossSource,
  LeadReturnDecision,
  LeadReturnReason,
  LeadSource,
} from './lead.types';

/** Every lead event names the handing it belongs to (1 for the first) and that handing's dealer. */
type OnHanding = { leadId: string; handing: number; dealerId: string };

/** OEM staff handed the lead to one dealer; the acceptance clock runs from `handedAt`. */
export type LeadHanded = Event<
  'LeadHanded',
  OnHanding & {
    source: LeadSource;
    model: string;
    customer: LeadCustomer;
    /** Keyed HMAC-SHA-256 of the normalised phone: the prospect file is found or opened by it. */
    phoneHash: string;
    campaignId: string | null;
    handedBy: string;
    handedAt: string;
    acceptBy: string;
    clockPolicyVersion: string;
  }
>;

/** A returned lead handed again (to any dealer, the same one too): a new handing with its own clocks. */
export type LeadHandedAgain = Event<
  'LeadHandedAgain',
  OnHanding & {
    previousDealerId: string;
    note: string | null;
    handedBy: string;
    handedAt: string;
    acceptBy: string;
    clockPolicyVersion: string;
  }
>;

export type LeadAccepted = Event<
  'LeadAccepted',
  OnHanding & { acceptedBy: string; acceptedAt: string; contactBy: string }
>;

export type LeadContacted = Event<
  'LeadContacted',
  OnHanding & { contactedBy: string; note: string | null; contactedAt: string }
>;

/** A clock ran out: the lead is back with the OEM, stamped at the deadline that passed (business time). */
export type LeadReturned = Event<
  'LeadReturned',
  OnHanding & { reason: LeadReturnReason; deadline: string; returnedAt: string }
>;

/**
 * A fact dated `lateFactAt` (an acceptance or a contact in time) arrived after the sweep had returned the
 * lead: the return no longer holds and the lead is back as it stood before it.
 */
export type LeadDecisionsWithdrawn = Event<
  'LeadDecisionsWithdrawn',
  OnHanding & { lateFactAt: string; decisions: LeadReturnDecision[] }
>;

/** The prospect file the lead became: a new one, or (`merged`) the dealer's existing one with that phone. */
export type LeadProspectLinked = Event<
  'LeadProspectLinked',
  OnHanding & { prospectId: string; merged: boolean; linkedAt: string }
>;

/** The linked prospect ordered (recorded by the conversion reactor at the order's business time). */
export type LeadConverted = Event<
  'LeadConverted',
  OnHanding & { prospectId: string; saleId: string; orderedAt: string }
>;

export type LeadLost = Event<
  'LeadLost',
  OnHanding & {
    reason: LostReason;
    note: string | null;
    lostBy: LeadLossSource;
    prospectId: string | null;
    lostAt: string;
  }
>;

export type LeadEvent =
  | LeadHanded
  | LeadHandedAgain
  | LeadAccepted
  | LeadContacted
  | LeadReturned
  | LeadDecisionsWithdrawn
  | LeadProspectLinked
  | LeadConverted
  | LeadLost;

/** Stable type names and their current schema versions; never derived from class names. */
export const LEAD_EVENT_TYPES = {
  LeadHanded: 1,
  LeadHandedAgain: 1,
  LeadAccepted: 1,
  LeadContacted: 1,
  LeadReturned: 1,
  LeadDecisionsWithdrawn: 1,
  LeadProspectLinked: 1,
  LeadConverted: 1,
  LeadLost: 1,
} as const satisfies Record<LeadEvent['type'], number>;

/** The customer's name and phone, encrypted with the customer's key from the first version on. */
export const LEAD_PERSONAL_DATA = {
  LeadHanded: {
    subject: 'customer.customerId',
    fields: { 'customer.name': 'name', 'customer.phone': 'phone' },
    since: 1,
  },
} as const satisfies Partial<Record<LeadEvent['type'], PersonalDataDeclaration>>;
