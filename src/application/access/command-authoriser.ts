import type { Actor } from '../../domain/shared/event';
import { forbidden } from './access-errors';
import { isDealerBound, isRole } from './principal';

/**
 * What a command acts on, as its feature tells it from the folded state and the command (each feature's
 * `scope`): the authoriser needs no knowledge of any aggregate's fields.
 */
export type RecordScope = Readonly<{
  /** The dealer the record belongs to; for a record not created yet, the dealer the command names. */
  dealerId?: string;
  /** The sales consultant who owns the record. */
  ownerId?: string;
  /** The dealer the command hands the record over to (a complaint's transfer). */
  handedTo?: string;
  /** The channel of the enquiry the command records (a prospect's registration or repeat enquiry). */
  enquiryChannel?: string;
}>;

/** What the pipeline knows before deciding: the stream, who acts, and what the feature says the command acts on. */
export type CommandAuthorisation = Readonly<{ streamId: string; actor: Actor; scope: RecordScope }>;

export type CommandAuthoriser = (request: CommandAuthorisation) => void;

/**
 * Checked by the command pipeline after folding and before deciding, so a refusal appends nothing.
 * The route's permission has already checked the role; this checks the record: a dealer-bound
 * principal acts only on its dealer's records, hands a record to another dealer only as the dealer
 * manager, a sales consultant acts only on prospects they own, and OEM staff register only OEM leads.
 * Reactors and clock watchers (role `system`) are not principals.
 */
export const authoriseCommand: CommandAuthoriser = ({ streamId, actor, scope }) => {
  if (!isRole(actor.role)) return;
  const { enquiryChannel, dealerId, handedTo, ownerId } = scope;
  if (actor.role === 'oem-staff' && enquiryChannel !== undefined && enquiryChannel !== 'oem-lead')
    throw forbidden(
      'OEM_LEADS_ONLY',
      `OEM staff hand prospects to dealers as leads only: send channel "oem-lead", not "${enquiryChannel}"`,
      { channel: enquiryChannel },
    );
  if (!isDealerBound(actor.role)) return;
  if (dealerId !== undefined && dealerId !== actor.dealerId)
    throw forbidden(
      'DEALER_FORBIDDEN',
      `${streamId} belongs to dealer ${dealerId}; ${actor.role} ${actor.userId} acts for dealer ${String(actor.dealerId)}`,
      { streamId, dealerId, yourDealerId: actor.dealerId },
    );
  // Handing a record to another dealer is for the dealer manager (and the OEM), not the desk.
  if (handedTo !== undefined && handedTo !== actor.dealerId && actor.role !== 'dealer-manager')
    throw forbidden(
      'TRANSFER_FORBIDDEN',
      `${actor.role} ${actor.userId} may not transfer ${streamId} to dealer ${handedTo}: ask the dealer manager or the OEM`,
      { streamId, dealerId: handedTo },
    );
  if (actor.role === 'sales-consultant' && ownerId !== undefined && ownerId !== actor.userId)
    throw forbidden(
      'OWNER_FORBIDDEN',
      `${streamId} is consultant ${ownerId}'s prospect, not ${actor.userId}'s: ask your dealer manager to reassign it`,
      { streamId, consultantId: ownerId },
    );
};

/**
 * No record check at all: for tools and tests that write a scenario as principals they do not hold the
 * records of. The application never uses it.
 */
export const allowEveryCommand: CommandAuthoriser = () => undefined;
