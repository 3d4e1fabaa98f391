import type { GenerationRef, Slot } from '../../application/ports/read-store.port';

/**
 * Names of a projection's generations. Generation 0 keeps the names used before blue/green rebuilds
 * existed (`<collection>_v<version>`, checkpoint `projection:<name>@v<version>`), so an existing read store
 * needs no migration; later generations get a suffix and their own checkpoint.
 */
export const generationCollection = (collection: string, ref: GenerationRef): string =>
  ref.generation === 0 ? `${collection}_v${ref.version}` : `${collection}_v${ref.version}_g${ref.generation}`;

export const generationCheckpoint = (projection: string, ref: GenerationRef): string =>
  ref.generation === 0
    ? `projection:${projection}@v${ref.version}`
    : `projection:${projection}@v${ref.version}#g${ref.generation}`;

const READ_NAME = /^(.+)_v\d+$/;

/** `prospect_details_v1` → `prospect_details`: the slot a reader's name belongs to (null: no slot). */
export const logicalCollectionOf = (name: string): string | null => READ_NAME.exec(name)?.[1] ?? null;

/** The physical collection readers of a slot see. */
export const liveCollectionOf = (slot: Pick<Slot, 'collection' | 'live'>): string =>
  generationCollection(slot.collection, slot.live);

export const sameGeneration = (a: GenerationRef | null, b: GenerationRef | null): boolean =>
  a === b || (a !== null && b !== null && a.version === b.version && a.generation === b.generation);
