import type { Command, Event } from '../../domain/shared/event';
import type { CommandContext, CommandResult } from './command-context';
import type { CommandPipeline, FoldedRecord } from './command-pipeline';
import type { Feature } from './feature';

/**
 * A command that takes a unique key (a VIN) claims the key's own stream first, where the event store's
 * expected revision settles a race that the read models would lag behind:
 * 1. the command is checked on its record, appending nothing, so its own refusal appends no claim;
 * 2. `claim` runs with the record as checked (its refusal, e.g. the key held elsewhere, appends nothing
 *    to the record);
 * 3. the command runs pinned to the revision it was checked at: it lands at the next revision or is a
 *    409, never decided again on a record that moved on, so a claim names the one revision its command
 *    can follow (a claimant can tell a command still on its way from one that never landed).
 * A retry of a request that was taken (its Idempotency-Key found) skips the claim and replays.
 * The card claim (membership) is the same three steps without the pin: its commands decide again after a
 * lost race, and a card number is never given back, so it has no use for the revision.
 */
export const executeAfterClaim = async <State, Cmd extends Command, Evt extends Event>(
  pipeline: CommandPipeline,
  feature: Feature<State, Cmd, Evt>,
  command: Readonly<{ type: Cmd['type']; data: Cmd['data'] }>,
  context: CommandContext,
  claim: (checked: FoldedRecord<State>) => Promise<void>,
): Promise<CommandResult> => {
  const checked = await pipeline.checkAt(feature, command, context);
  if (checked === null) return pipeline.execute(feature, command, context);
  await claim(checked);
  return pipeline.execute(feature, command, { ...context, expectedRevision: checked.revision });
};
