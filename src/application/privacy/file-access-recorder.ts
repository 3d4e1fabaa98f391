import { Injectable } from '@nestjs/common';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandContext } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { fileAccessFeature } from './file-access.feature';

const ATTEMPTS = 5;

/** Who opened records (the context's actor), through which route (`GET /customers/:customerId`) and why. */
export type FileOpening = Readonly<{ context: CommandContext; route: string; reason: string | null }>;

/**
 * Records that an opening showed records of these people, through the command pipeline, so each entry
 * is hash-chained in `fileaccess-<customerId>` with the actor of the opening in its metadata.
 */
@Injectable()
export class FileAccessRecorder {
  constructor(private readonly pipeline: CommandPipeline) {}

  async record(opening: FileOpening, customerIds: readonly string[], recordId: string | null): Promise<void> {
    if (customerIds.length === 0) return;
    // A read is not a command: its Idempotency-Key and If-Match (if any) are not about the audit stream.
    const {
      idempotencyKey: _key,
      requestHash: _hash,
      expectedRevision: _revision,
      ...context
    } = opening.context;
    for (const customerId of [...new Set(customerIds)]) {
      const command = {
        type: 'RecordFileOpening' as const,
        data: { customerId, reason: opening.reason, route: opening.route, recordId },
      };
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.pipeline.execute(fileAccessFeature, command, context);
          break;
        } catch (error) {
          // Two readers opening the same file at once race for the stream's next revision: append again.
          if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
        }
      }
    }
  }
}
