/** The fields that say when something was written, not what happened: two histories may differ in them. */
const WRITE_TIME = new Set([
  'revision',
  'updatedAt',
  'position',
  'entryId',
  'globalPosition',
  'recordedAt',
  'eventId',
  'correlationId',
  'causationId',
  'hash',
  'events',
  'entries',
]);

/**
 * What the users see of the records, less what says when it was written (revision, ETag, write time):
 * what the business-time tests compare between a history sent in order and one sent late around sweeps.
 */
export const business = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(business)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([key]) => !WRITE_TIME.has(key))
            .map(([key, v]) => [key, business(v)]),
        )
      : value;
