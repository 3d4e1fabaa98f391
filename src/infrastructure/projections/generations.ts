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

const escaped = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The generation a name stands for, only if `nameOf` gives that very name back (`_v01`, `_g0` are none). */
const parsed = (
  match: RegExpExecArray | null,
  name: string,
  nameOf: (ref: GenerationRef) => string,
): GenerationRef | null => {
  if (!match) return null;
  const ref = { version: Number(match[1]), generation: match[2] === undefined ? 0 : Number(match[2]) };
  return nameOf(ref) === name ? ref : null;
};

/** `items_v2_g3` → { version 2, generation 3 } when it is a generation of `collection`'s slot, else null. */
export const generationOfCollection = (collection: string, name: string): GenerationRef | null =>
  parsed(new RegExp(`^${escaped(collection)}_v(\\d+)(?:_g(\\d+))?$`).exec(name), name, (ref) =>
    generationCollection(collection, ref),
  );

/** `projection:items@v2#g3` → { version 2, generation 3 } when it is a checkpoint of `projection`'s generations. */
export const generationOfCheckpoint = (projection: string, name: string): GenerationRef | null =>
  parsed(new RegExp(`^projection:${escaped(projection)}@v(\\d+)(?:#g(\\d+))?$`).exec(name), name, (ref) =>
    generationCheckpoint(projection, ref),
  );

const READ_NAME = /^(.+)_v\d+$/;

/** `prospect_details_v1` → `prospect_details`: the slot a reader's name belongs to (null: no slot). */
export const logicalCollectionOf = (name: string): string | null => READ_NAME.exec(name)?.[1] ?? null;

/** The physical collection readers of a slot see. */
export const liveCollectionOf = (slot: Pick<Slot, 'collection' | 'live'>): string =>
  generationCollection(slot.collection, slot.live);

export const sameGeneration = (a: GenerationRef | null, b: GenerationRef | null): boolean =>
  a === b || (a !== null && b !== null && a.version === b.version && a.generation === b.generation);

/** True while the slot lists `ref` (live, building or retired within its grace): a fenced write may land. */
export const listsGeneration = (slot: Slot | null, ref: GenerationRef): boolean =>
  slot !== null &&
  (sameGeneration(slot.live, ref) ||
    sameGeneration(slot.building, ref) ||
    slot.retired.some((retired) => sameGeneration(retired, ref)));
