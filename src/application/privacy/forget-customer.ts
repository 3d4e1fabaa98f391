import { Inject, Injectable } from '@nestjs/common';
import {
  type KeyTombstone,
  PERSONAL_DATA_KEY_STORE,
  type PersonalDataKeyStore,
} from '../ports/personal-data-key-store.port';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { dataSubjectFeature } from './data-subject.feature';

export type ForgetRequest = Readonly<{ customerId: string; reason: string; requestReference: string }>;

/**
 * Forgets a person: destroys their key, then appends `CustomerForgotten` to `datasubject-<customerId>`.
 *
 * The key goes first. A crash between the two steps then leaves the person erased with the tombstone
 * (time and reason) as the only record, and the retry (same Idempotency-Key, or none: both are harmless)
 * finds the key already gone and appends the missing event. The other order could leave an event saying
 * the person was forgotten while their key still opens everything, which is the worse failure.
 */
@Injectable()
export class ForgetCustomer {
  constructor(
    @Inject(PERSONAL_DATA_KEY_STORE) private readonly keyStore: PersonalDataKeyStore,
    private readonly pipeline: CommandPipeline,
  ) {}

  async forget(
    request: ForgetRequest,
    context: CommandContext,
  ): Promise<{ tombstone: KeyTombstone; result: CommandResult }> {
    const tombstone = await this.keyStore.destroy(
      request.customerId,
      context.now,
      `${request.reason} (request ${request.requestReference})`,
    );
    const result = await this.pipeline.execute(
      dataSubjectFeature,
      { type: 'ForgetCustomer', data: request },
      // Whatever revision the client read, forgetting is never refused as stale.
      { ...context, expectedRevision: undefined },
    );
    return { tombstone, result };
  }
}
