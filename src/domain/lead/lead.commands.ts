import type { LostReason } from '../prospect/prospect.types';
import type { Command } from '../shared/event';
import type { LeadCustomer, LeadSource } from './lead.types';

type Id = { leadId: string };

/** OEM staff hand a new lead to one dealer. */
export type HandLead = Command<
  'HandLead',
  Id & {
    dealerId: string;
    source: LeadSource;
    model: string;
    customer: LeadCustomer;
    /** Keyed hash of the customer's phone (the prospect registration's blind index), set by the handler. */
    phoneHash: string;
    campaignId?: string;
  }
>;
/** OEM staff hand a returned lead again, to any dealer. */
export type HandLeadAgain = Command<'HandLeadAgain', Id & { dealerId: string; note?: string }>;
export type AcceptLead = Command<'AcceptLead', Id>;
export type RecordLeadContact = Command<'RecordLeadContact', Id & { note?: string }>;
/** Sent by the lead-return watcher: records the return of a lead whose clock ran out, if one did. */
export type ReturnOverdueLead = Command<'ReturnOverdueLead', Id>;
/** Sent by the prospect-file handler once the prospect is registered (or found by phone). */
export type LinkLeadProspect = Command<'LinkLeadProspect', Id & { prospectId: string; merged: boolean }>;
/** Sent by the conversion reactor when the linked prospect orders. */
export type RecordLeadConversion = Command<
  'RecordLeadConversion',
  Id & { prospectId: string; saleId: string; orderedAt: string }
>;
/** Sent by the conversion reactor when the linked prospect is lost. */
export type RecordLeadProspectLoss = Command<
  'RecordLeadProspectLoss',
  Id & { prospectId: string; reason: LostReason; lostAt: string }
>;
/** The dealer closes a contacted lead that never became a prospect file. */
export type LoseLead = Command<'LoseLead', Id & { reason: LostReason; note?: string }>;

export type LeadCommand =
  | HandLead
  | HandLeadAgain
  | AcceptLead
  | RecordLeadContact
  | ReturnOverdueLead
  | LinkLeadProspect
  | RecordLeadConversion
  | RecordLeadProspectLoss
  | LoseLead;
