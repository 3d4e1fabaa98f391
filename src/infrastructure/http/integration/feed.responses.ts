import type { FeedPage } from '../../../application/integration/read-feed';
import type { CloudEvent } from '../../../application/integration/integration-event';

/** An integration event in CloudEvents 1.0 JSON; `data` per type is listed in docs/integration.md. */
export class CloudEventView implements CloudEvent {
  /** @example "1.0" */
  specversion!: '1.0';
  /** The source event's id: the same on every read; de-duplicate on it. @example 0193a0c4-5b1e-7c3a-9f00-6d2b1e4a7c11 */
  id!: string;
  /** @example /dealers/d-sh-01/complaints/c-42 */
  source!: string;
  /** @example com.dealer-crm.complaint.filed.v1 */
  type!: string;
  /** The record's id. @example c-42 */
  subject!: string;
  /** Business time: when it happened (UTC). @example 2026-03-02T09:00:00.000Z */
  time!: string;
  /** @example application/json */
  datacontenttype!: 'application/json';
  /** The record's dealer (a CloudEvents extension attribute). @example d-sh-01 */
  dealerid!: string;
  /** The type's public fields; personal data as the caller's role may see it, `[erased]` once forgotten. */
  data!: Record<string, unknown>;
}

export class FeedPageView implements FeedPage {
  items!: CloudEventView[];
  /** The cursor of the next page (`after`); the request's own when nothing new was found. @example v1.2s */
  next!: string;
  /** True when this page reached the end of the log: poll again later with `next`. */
  caughtUp!: boolean;
}
