import type { Type } from '@nestjs/common';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { FeedPage } from '../../../application/integration/read-feed';
import { type CloudEvent, INTEGRATION_TYPE_PREFIX } from '../../../application/integration/integration-event';
import { FEED_DATA } from './feed-data.responses';

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

const pascal = (fact: string): string =>
  fact
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/** The CloudEvent of one public type: its `type`, and its `data` schema (feed-data.responses.ts). */
const cloudEventOf = (fact: string, data: Type<unknown>) => {
  const type = `${INTEGRATION_TYPE_PREFIX}${fact}.v1`;
  class TypedCloudEvent extends CloudEventView {
    @ApiProperty({ enum: [type], example: type }) declare type: string;
    @ApiProperty({ type: data }) declare data: Record<string, unknown>;
  }
  Object.defineProperty(TypedCloudEvent, 'name', { value: `${pascal(fact)}Event` });
  return [type, TypedCloudEvent] as const;
};

/** One schema per public type, by type: the feed's items and the webhooks' bodies are one of them. */
export const FEED_EVENT_SCHEMAS: ReadonlyMap<string, Type<unknown>> = new Map(
  Object.entries(FEED_DATA).map(([fact, data]) => cloudEventOf(fact, data)),
);

export class FeedPageView implements FeedPage {
  /** In log order; each one of the public types, told apart by `type`. */
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [...FEED_EVENT_SCHEMAS.values()].map((schema) => ({ $ref: getSchemaPath(schema) })),
      discriminator: {
        propertyName: 'type',
        mapping: Object.fromEntries(
          [...FEED_EVENT_SCHEMAS].map(([type, schema]) => [type, getSchemaPath(schema)]),
        ),
      },
    },
  })
  items!: CloudEventView[];
  /** The cursor of the next page (`after`); the request's own when nothing new was found. @example v1.2s */
  next!: string;
  /** True when this page reached the end of the log: poll again later with `next`. */
  caughtUp!: boolean;
}
