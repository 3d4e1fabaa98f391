import type { Command, Decider, Event } from './event';
import { isOnOrBefore } from './time';

/**
 * What a holder's own stream says of the key it claimed, read at claim time: it still holds it, it let it
 * go (or the command that claimed it never landed), or it delivered it (never taken over).
 */
export type ClaimStanding = 'holds' | 'let-go' | 'delivered';

/** The claim command's data: who claims, at which revision of its stream, and the current claim as read. */
export type HolderClaimData<Holder, Standing extends ClaimStanding> = Readonly<{
  vin: string;
  holder: Holder;
  holderRevision: number;
  current: Readonly<{
    holder: Holder;
    holderRevision: number;
    standing: Standing;
    letGoAt: string | null;
  }> | null;
}>;

/** The claimed event's data. */
export type HolderClaimedData<Holder> = Readonly<{
  vin: string;
  holder: Holder;
  holderRevision: number;
  previousHolder: Holder | null;
  claimedAt: string;
}>;

export type HolderClaimState<Holder> =
  Readonly<{ status: 'free' }> | Readonly<{ status: 'claimed'; holder: Holder; holderRevision: number }>;

/**
 * The decider of a key (a VIN) held by one record at a time, whose holder lets it go on its own stream:
 * free → claimed. The claimant's own claim: nothing while it holds the key (a retry), claimed again at the
 * new revision once it had let it go. Another holder's: taken over when it let the key go at or before the
 * claim's business time; refused while it holds it, when the claim is dated before it let go (business
 * time decides: a late fact finds it held), or once it delivered it. The standing the claimant read counts
 * only if it is of the claim the stream holds now; otherwise the claim moved between that read and this
 * decision, nothing is known of the new holder's stream, and it holds.
 */
export const createHolderClaimDecider = <
  Holder,
  Standing extends ClaimStanding,
  Cmd extends Command<string, HolderClaimData<Holder, Standing>>,
  Evt extends Event<string, HolderClaimedData<Holder>>,
>(spec: {
  eventType: Evt['type'];
  sameHolder: (a: Holder, b: Holder) => boolean;
  /** The refusal while another holder has the key (`heldUntil`: it let go only after the claim's time). */
  heldElsewhere: (command: Cmd, holder: Holder, heldUntil: string | null) => Error;
  /** The refusal once another holder delivered it; without it, `heldElsewhere`. */
  delivered?: (command: Cmd, holder: Holder) => Error;
}): Decider<HolderClaimState<Holder>, Cmd, Evt> => {
  const claimed = (command: Cmd, previousHolder: Holder | null): Evt[] => {
    const { vin, holder, holderRevision } = command.data;
    const data: HolderClaimedData<Holder> = {
      vin,
      holder,
      holderRevision,
      previousHolder,
      claimedAt: command.metadata.now,
    };
    return [{ type: spec.eventType, data } as Evt];
  };
  return {
    initialState: () => ({ status: 'free' }),
    evolve: (_state, event) => ({
      status: 'claimed',
      holder: event.data.holder,
      holderRevision: event.data.holderRevision,
    }),
    decide: (command, state) => {
      if (state.status === 'free') return claimed(command, null);
      const current = command.data.current;
      const { standing, letGoAt } =
        current !== null &&
        spec.sameHolder(current.holder, state.holder) &&
        current.holderRevision === state.holderRevision
          ? current
          : { standing: 'holds' as const, letGoAt: null };
      if (spec.sameHolder(state.holder, command.data.holder))
        return standing === 'let-go' ? claimed(command, state.holder) : [];
      switch (standing) {
        case 'let-go':
          if (letGoAt !== null && !isOnOrBefore(letGoAt, command.metadata.now))
            throw spec.heldElsewhere(command, state.holder, letGoAt);
          return claimed(command, state.holder);
        case 'holds':
          throw spec.heldElsewhere(command, state.holder, null);
        case 'delivered':
          throw spec.delivered?.(command, state.holder) ?? spec.heldElsewhere(command, state.holder, null);
        default: {
          const unreachable: never = standing;
          return unreachable;
        }
      }
    },
  };
};
