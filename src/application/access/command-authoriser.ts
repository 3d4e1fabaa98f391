import type { Actor } from '../../domain/shared/event';
import { forbidden } from './access-errors';
import { isDealerBound, isRole } from './principal';

/** What the pipeline knows before deciding: the stream, the folded state and the command. */
export type CommandAuthorisation = Readonly<{
  streamId: string;
  state: unknown;
  command: Readonly<{ type: string; data: Readonly<Record<string, unknown>> }>;
  actor: Actor;
}>;

export type CommandAuthoriser = (request: CommandAuthorisation) => void;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The dealer a record belongs to: its folded state's, or for a creation the command's. */
const dealerOf = (state: unknown, data: Readonly<Record<string, unknown>>): string | undefined => {
  const folded = (state ?? {}) as Record<string, unknown>;
  return text(folded.dealerId) ?? text(folded.homeDealerId) ?? text(data.dealerId) ?? text(data.homeDealerId);
};

/**
 * Checked by the command pipeline after folding and before deciding, so a refusal appends nothing.
 * The route's permission has already checked the role; this checks the record: a dealer-bound
 * principal acts only on its dealer's records, a sales consultant only on prospects they own, and OEM
 * staff register only OEM leads. Reactors and clock watchers (role `system`) are not principals.
 */
export const authoriseCommand: CommandAuthoriser = ({ streamId, state, command, actor }) => {
  if (!isRole(actor.role)) return;
  const { data } = command;
  if (actor.role === 'oem-staff' && ['RegisterProspect', 'RecordEnquiry'].includes(command.type)) {
    if (data.channel !== 'oem-lead')
      throw forbidden(
        'OEM_LEADS_ONLY',
        `OEM staff hand prospects to dealers as leads only: send channel "oem-lead", not "${String(data.channel)}"`,
        { channel: data.channel },
      );
    return;
  }
  if (!isDealerBound(actor.role)) return;
  const dealer = dealerOf(state, data);
  if (dealer !== undefined && dealer !== actor.dealerId)
    throw forbidden(
      'DEALER_FORBIDDEN',
      `${streamId} belongs to dealer ${dealer}; ${actor.role} ${actor.userId} acts for dealer ${String(actor.dealerId)}`,
      { streamId, dealerId: dealer, yourDealerId: actor.dealerId },
    );
  // Handing a complaint to another dealer is for the dealer manager (and the OEM), not the desk.
  if (
    command.type === 'AssignComplaint' &&
    typeof data.dealerId === 'string' &&
    data.dealerId !== actor.dealerId &&
    actor.role !== 'dealer-manager'
  )
    throw forbidden(
      'TRANSFER_FORBIDDEN',
      `${actor.role} ${actor.userId} may not transfer ${streamId} to dealer ${data.dealerId}: ask the dealer manager or the OEM`,
      { streamId, dealerId: data.dealerId },
    );
  // A repeat enquiry counts on whoever owns the prospect; every other step is the owner's.
  if (
    actor.role === 'sales-consultant' &&
    streamId.startsWith('prospect-') &&
    command.type !== 'RecordEnquiry'
  ) {
    const folded = (state ?? {}) as Record<string, unknown>;
    const owner = text(folded.consultantId) ?? text(data.consultantId);
    if (owner !== undefined && owner !== actor.userId)
      throw forbidden(
        'OWNER_FORBIDDEN',
        `${streamId} is consultant ${owner}'s prospect, not ${actor.userId}'s: ask your dealer manager to reassign it`,
        { streamId, consultantId: owner },
      );
  }
};
