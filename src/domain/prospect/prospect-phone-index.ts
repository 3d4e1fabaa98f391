import { DomainError } from '../shared/domain-error';
import type { Command, Decider, Event } from '../shared/event';

/**
 * One stream per (dealer, phone), claimed with `no_stream` when a prospect is registered: the event store
 * itself makes "one prospect per phone per dealer" race-free, where a read model would lag.
 */
export type ProspectPhoneClaimed = Event<
  'ProspectPhoneClaimed',
  { dealerId: string; phoneHash: string; prospectId: string; claimedAt: string }
>;
export type ClaimProspectPhone = Command<
  'ClaimProspectPhone',
  { dealerId: string; phoneHash: string; prospectId: string }
>;
export type PhoneIndexState =
  Readonly<{ status: 'free' }> | Readonly<{ status: 'claimed'; prospectId: string }>;

export const PROSPECT_PHONE_EVENT_TYPES = { ProspectPhoneClaimed: 1 } as const satisfies Record<
  ProspectPhoneClaimed['type'],
  number
>;

/** The phone already belongs to a prospect at this dealer: the enquiry is a touch on that prospect. */
export class ProspectPhoneTaken extends DomainError {
  constructor(readonly ownerProspectId: string) {
    super(
      'PROSPECT_PHONE_TAKEN',
      'already-exists',
      `this phone already belongs to prospect ${ownerProspectId} at this dealer: record the enquiry on it`,
      { prospectId: ownerProspectId },
    );
  }
}

export const prospectPhoneDecider: Decider<PhoneIndexState, ClaimProspectPhone, ProspectPhoneClaimed> = {
  initialState: () => ({ status: 'free' }),
  evolve: (_state, event) => ({ status: 'claimed', prospectId: event.data.prospectId }),
  decide: (command, state) => {
    if (state.status === 'claimed') throw new ProspectPhoneTaken(state.prospectId);
    return [{ type: 'ProspectPhoneClaimed', data: { ...command.data, claimedAt: command.metadata.now } }];
  },
};

/** Digits only, without the +86 / 0086 country prefix, so "+86 138-1234-5678" and "13812345678" match. */
export const normalisePhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, '');
  const national = digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
  return national;
};

/** `phoneHash` is a hex digest; its first 32 characters are enough to tell phones apart within a dealer. */
export const prospectPhoneStreamId = (dealerId: string, phoneHash: string): string =>
  `prospectphone-${dealerId}_${phoneHash.slice(0, 32)}`;
