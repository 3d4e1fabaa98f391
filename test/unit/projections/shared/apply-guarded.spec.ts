import type { WalkInGroupsLogged } from '../../../../src/domain/showroom/showroom-traffic';
import { applyGuarded } from '../../../../src/projections/shared/apply-guarded';
import type { Envelope, ProjectionDefinition } from '../../../../src/projections/shared/projection';
import { projectionSpec, SPEC_ACTOR } from '../../../support/projection-spec';

type Tally = { groups: number; applied?: number };

const logged = (groups: number): WalkInGroupsLogged => ({
  type: 'WalkInGroupsLogged',
  data: { dealerId: 'd-1', date: '2026-03-02', groups, note: null, loggedAt: '2026-03-02T10:00:00.000Z' },
});

const tally = (
  apply: ProjectionDefinition<WalkInGroupsLogged, Tally>['apply'],
): ProjectionDefinition<WalkInGroupsLogged, Tally> => ({
  name: 'tally',
  version: 1,
  collection: 'tally',
  indexes: [],
  handles: ['WalkInGroupsLogged'],
  documentIds: (event) => [event.data.dealerId],
  apply,
});
const adding = tally((doc, event) => ({ groups: (doc?.groups ?? 0) + event.data.groups }));

describe('applyGuarded, the position guard the runner applies every event through', () => {
  const event: Envelope<WalkInGroupsLogged> = {
    ...logged(4),
    eventId: 'event-3',
    schemaVersion: 1,
    occurredAt: '2026-03-02T10:00:00.000Z',
    metadata: { correlationId: 'correlation-3', causationId: null, actor: SPEC_ACTOR },
    streamId: 'showroomtraffic-d-1_2026-03-02',
    revision: 2,
    globalPosition: 3,
    recordedAt: '2026-03-02T10:00:00.000Z',
  };

  it('applies an event past the document and stamps the document with its position', () =>
    expect(
      applyGuarded(adding, () => ({ id: 'd-1', value: { groups: 3 }, position: 2 }), event, ['d-1']),
    ).toEqual([{ id: 'd-1', value: { groups: 7 }, position: 3 }]));

  it('creates a document nobody wrote yet', () =>
    expect(applyGuarded(adding, () => undefined, event, ['d-1'])).toEqual([
      { id: 'd-1', value: { groups: 4 }, position: 3 },
    ]));

  it.each([3, 4])('leaves a document already at position %i alone', (position) =>
    expect(
      applyGuarded(adding, () => ({ id: 'd-1', value: { groups: 3 }, position }), event, ['d-1']),
    ).toEqual([]),
  );

  it('applies an event once to a document it names twice', () =>
    expect(applyGuarded(adding, () => null, event, ['d-1', 'd-1'])).toEqual([
      { id: 'd-1', value: { groups: 4 }, position: 3 },
    ]));
});

describe('projectionSpec, checking what the guard cannot', () => {
  it('fails a projection whose documents depend on more than the document and the event', () => {
    let calls = 0;
    const counting = tally((doc, event) => ({
      groups: (doc?.groups ?? 0) + event.data.groups,
      applied: ++calls,
    }));
    expect(() =>
      projectionSpec(counting)
        .when([logged(2)])
        .thenMatches({ 'd-1': { groups: 2 } }),
    ).toThrow('changed the documents');
  });

  it('fails a projection that changes the document it is given', () => {
    const mutating = tally((doc, event) => {
      if (!doc) return { groups: event.data.groups };
      doc.groups += event.data.groups;
      return doc;
    });
    expect(() =>
      projectionSpec(mutating)
        .when([logged(2), logged(3)])
        .then({ 'd-1': { groups: 5 } }),
    ).toThrow(TypeError);
  });

  it('fails a document other than the one expected', () =>
    expect(() =>
      projectionSpec(adding)
        .when([logged(2), logged(3)])
        .then({ 'd-1': { groups: 6 } }),
    ).toThrow());
});
