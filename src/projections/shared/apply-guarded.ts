import type { StoredEvent } from '../../application/ports/event-store.port';
import type { PositionedDoc, ReadModelDoc } from '../../application/ports/read-store.port';

/**
 * The exactly-once rule every projection runs under: a document whose position is at or above the event's
 * is left alone, so `apply` (which adds counts) sees each event once however often the event is replayed.
 * `current` looks a document up (null or undefined when there is none); an id touched twice by one event
 * is applied once. Returns the documents to write, each at the event's position.
 */
export const applyGuarded = <Env extends Pick<StoredEvent, 'globalPosition'>, Doc extends ReadModelDoc>(
  projection: Readonly<{ apply: (doc: Doc | null, event: Env, id: string) => Doc }>,
  current: (id: string) => PositionedDoc<Doc> | null | undefined,
  event: Env,
  ids: readonly string[],
): PositionedDoc<Doc>[] => {
  const updates: PositionedDoc<Doc>[] = [];
  for (const id of ids) {
    const doc = updates.find((update) => update.id === id) ?? current(id) ?? null;
    if (doc && doc.position >= event.globalPosition) continue;
    const value = projection.apply(doc?.value ?? null, event, id);
    updates.push({ id, value, position: event.globalPosition });
  }
  return updates;
};
