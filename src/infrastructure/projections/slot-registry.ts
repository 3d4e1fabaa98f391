import type { GenerationRef, ReadStore, Slot } from '../../application/ports/read-store.port';
import type { AnyProjection } from '../../projections/shared/projection';
import {
  generationCheckpoint,
  generationCollection,
  generationOfCheckpoint,
  generationOfCollection,
  listsGeneration,
} from './generations';

/** Compare-and-set retries: a conflict means another process wrote the slot a moment ago. */
const ATTEMPTS = 10;

const conflict = (collection: string) =>
  new Error(
    `the slot of ${collection} keeps changing under this process (another rebuild?): run "crm projections list" and retry`,
  );

/** The slot of a projection, created on first use with generation 0 live (the pre-blue/green names). */
export const ensureSlot = async (
  readStore: ReadStore,
  definition: AnyProjection,
  now: Date,
): Promise<Slot> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const found = await readStore.readSlot(definition.collection);
    if (found) return found;
    const slot: Slot = {
      collection: definition.collection,
      projection: definition.name,
      live: { version: definition.version, generation: 0 },
      building: null,
      retired: [],
      lastGeneration: 0,
      revision: 1,
      updatedAt: now.toISOString(),
    };
    if (await readStore.compareAndSetSlot(slot, null)) return slot;
  }
  throw conflict(definition.collection);
};

/**
 * The generation a rebuild of `definition` builds: the one already building for the same version (an
 * interrupted rebuild resumes from its own checkpoint), else a new one. A build of another version that
 * was abandoned is retired at once: nobody reads it.
 */
export const beginBuilding = async (
  readStore: ReadStore,
  definition: AnyProjection,
  now: Date,
): Promise<GenerationRef> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const slot = await ensureSlot(readStore, definition, now);
    if (slot.building?.version === definition.version) return slot.building;
    const building = { version: definition.version, generation: slot.lastGeneration + 1 };
    const abandoned = slot.building ? [{ ...slot.building, dropAfter: now.toISOString() }] : [];
    const next: Slot = {
      ...slot,
      building,
      lastGeneration: building.generation,
      retired: [...slot.retired, ...abandoned],
      revision: slot.revision + 1,
      updatedAt: now.toISOString(),
    };
    if (await readStore.compareAndSetSlot(next, slot.revision)) return building;
  }
  throw conflict(definition.collection);
};

/**
 * The switch: one compare-and-set makes the built generation live. The old live one is retired and
 * dropped after `graceMs`, once no reader or live runner (in any process) can still be using it.
 * Returns the new slot, or null when the generation is no longer the one building (another process
 * switched or restarted it).
 */
export const switchToBuilt = async (
  readStore: ReadStore,
  definition: AnyProjection,
  built: GenerationRef,
  graceMs: number,
  now: Date,
): Promise<Slot | null> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const slot = await ensureSlot(readStore, definition, now);
    if (slot.building?.generation !== built.generation) return null;
    const dropAfter = new Date(now.getTime() + graceMs).toISOString();
    const next: Slot = {
      ...slot,
      live: built,
      building: null,
      retired: [...slot.retired, { ...slot.live, dropAfter }],
      revision: slot.revision + 1,
      updatedAt: now.toISOString(),
    };
    if (await readStore.compareAndSetSlot(next, slot.revision)) return next;
  }
  throw conflict(definition.collection);
};

/**
 * Drops every retired generation whose grace has passed, with its checkpoint, and every orphan generation
 * (see `dropOrphans`). Safe to run anywhere, any time.
 *
 * A generation is unlisted from its slot first and dropped after: from the unlisting on, the fence refuses
 * every write of a runner that still names it (`GenerationFence`), so the drop is final. A crash between
 * the two leaves an unlisted generation behind, which is an orphan and goes with the next collection.
 */
export const collectRetired = async (readStore: ReadStore, now: Date): Promise<number> => {
  let dropped = 0;
  const collections = await readStore.listCollections();
  const checkpoints = (await readStore.listCheckpoints()).map((checkpoint) => checkpoint.name);
  for (const slot of await readStore.listSlots()) {
    const due = slot.retired.filter((retired) => Date.parse(retired.dropAfter) <= now.getTime());
    let current = slot;
    if (due.length > 0) {
      const next: Slot = {
        ...slot,
        retired: slot.retired.filter((retired) => !due.includes(retired)),
        revision: slot.revision + 1,
        updatedAt: now.toISOString(),
      };
      // Another writer got there first: the next collection unlists them (they stay listed, undropped).
      if (await readStore.compareAndSetSlot(next, slot.revision)) current = next;
    }
    dropped += await dropOrphans(readStore, current, collections, checkpoints);
  }
  return dropped;
};

/**
 * Drops the generations of `slot` that it does not list (not live, building or retired) and whose number
 * is at most its `lastGeneration`: retired ones just unlisted, and leftovers of late writes made before the
 * fence existed, which had re-created a dropped collection or checkpoint. Such a generation can never be
 * listed again (numbers are never reused; a generation is listed from the write that hands its number out),
 * so nothing still uses it. Names that are no generation of this slot are never touched.
 */
const dropOrphans = async (
  readStore: ReadStore,
  slot: Slot,
  collections: readonly string[],
  checkpoints: readonly string[],
): Promise<number> => {
  const orphan = (ref: GenerationRef | null): ref is GenerationRef =>
    ref !== null && ref.generation <= slot.lastGeneration && !listsGeneration(slot, ref);
  const orphans = new Map<string, GenerationRef>();
  for (const name of collections) {
    const ref = generationOfCollection(slot.collection, name);
    if (orphan(ref)) orphans.set(`${ref.version}/${ref.generation}`, ref);
  }
  for (const name of checkpoints) {
    const ref = generationOfCheckpoint(slot.projection, name);
    if (orphan(ref)) orphans.set(`${ref.version}/${ref.generation}`, ref);
  }
  for (const ref of orphans.values()) {
    await readStore.dropCollection(generationCollection(slot.collection, ref), {
      fence: { slot: slot.collection, generation: ref },
    });
    await readStore.deleteCheckpoint(generationCheckpoint(slot.projection, ref));
  }
  return orphans.size;
};
