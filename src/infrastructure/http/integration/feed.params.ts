import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateBy } from 'class-validator';
import { decodeFeedCursor } from '../../../application/integration/feed-cursor';
import { INTEGRATION_TYPES } from '../../../application/integration/integration-mappings';
import { RECORD_ID } from '../../../application/shared/record-id';

const KNOWN_TYPES = new Set(INTEGRATION_TYPES);

/** A comma-separated list of integration event types, each one the feed knows. */
export const typesIn = (value: string): string[] =>
  value
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type !== '');

const IsFeedCursor = () =>
  ValidateBy({
    name: 'isFeedCursor',
    validator: {
      validate: (value) => typeof value === 'string' && decodeFeedCursor(value) !== undefined,
      defaultMessage: () =>
        'after must be a cursor the feed gave out (`next` of an earlier page), or left out',
    },
  });

const AreIntegrationTypes = () =>
  ValidateBy({
    name: 'areIntegrationTypes',
    validator: {
      validate: (value) =>
        typeof value === 'string' &&
        typesIn(value).length > 0 &&
        typesIn(value).every((type) => KNOWN_TYPES.has(type)),
      defaultMessage: () =>
        `types must be a comma-separated list of integration event types (docs/integration.md), e.g. ${INTEGRATION_TYPES[0]}`,
    },
  });

export class FeedParams {
  /** The `next` cursor of the previous page; leave it out to start at the beginning of the log. @example v1.2s */
  @IsOptional() @IsFeedCursor() after?: string;
  /** How many events at most (1–500). @example 100 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number = 100;
  /** Only these types, comma-separated. @example com.dealer-crm.complaint.filed.v1,com.dealer-crm.complaint.closed.v1 */
  @IsOptional() @AreIntegrationTypes() types?: string;
  /** Only this dealer's records (a dealer-bound caller: their own, filled in). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
}
