import type { GenerationRef, ReadStore, Slot } from '../../application/ports/read-store.port';
import type { AnyProjection } from '../../projections/shared/projection';
import { generationCheckpoint, generationCollection } from './generations';

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

/** Drops every retired generation whose grace has passed, with its checkpoint. Safe to run anywhere, any time. */
export const collectRetired = async (readStore: ReadStore, now: Date): Promise<number> => {
  let dropped = 0;
  for (const slot of await readStore.listSlots()) {
    const due = slot.retired.filter((retired) => Date.parse(retired.dropAfter) <= now.getTime());
    if (due.length === 0) continue;
    for (const retired of due) {
      await readStore.dropCollection(generationCollection(slot.collection, retired));
      await readStore.deleteCheckpoint(generationCheckpoint(slot.projection, retired));
      dropped += 1;
    }
    const next: Slot = {
      ...slot,
      retired: slot.retired.filter((retired) => !due.includes(retired)),
      revision: slot.revision + 1,
      updatedAt: now.toISOString(),
    };
    // A conflict leaves them listed: the next collection drops them again (IF EXISTS) and unlists them.
    await readStore.compareAndSetSlot(next, slot.revision);
  }
  return dropped;
};
