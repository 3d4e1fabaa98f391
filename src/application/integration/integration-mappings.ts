import { CLUB_MAPPINGS, SERVICE_MAPPINGS } from './service-and-club.integration';
import { COMPLAINT_MAPPINGS } from './complaint.integration';
import type { AnyIntegrationMapping } from './integration-event';
import { SALES_MAPPINGS } from './sales.integration';

/**
 * The internal events that have a public counterpart, by internal type. Anything not listed (credentials,
 * file openings, data subjects, phone indexes, showroom counts, intermediate steps) never leaves.
 */
export const INTEGRATION_MAPPINGS: ReadonlyMap<string, AnyIntegrationMapping> = new Map(
  [...COMPLAINT_MAPPINGS, ...SALES_MAPPINGS, ...SERVICE_MAPPINGS, ...CLUB_MAPPINGS].map(
    (entry) => [entry.from, entry] as const,
  ),
);

/** Every public type, in the order documented. */
export const INTEGRATION_TYPES: readonly string[] = [...INTEGRATION_MAPPINGS.values()].map(
  (entry) => entry.type,
);
