import { allowEveryCommand } from '../../../../src/application/access/command-authoriser';
import { ALL_EVENT_TYPES } from '../../../../src/application/features';
import { FleetAccountCommand } from '../../../../src/application/fleet-account/fleet-account.commands';
import { fleetAccountFeature } from '../../../../src/application/fleet-account/fleet-account.feature';
import { FleetAccountHandler } from '../../../../src/application/fleet-account/fleet-account.handlers';
import type { EventStore } from '../../../../src/application/ports/event-store.port';
import type { CommandContext } from '../../../../src/application/shared/command-context';
import { CommandPipeline } from '../../../../src/application/shared/command-pipeline';
import { EventCatalog } from '../../../../src/application/shared/event-catalog';
import { SqliteEventStore } from '../../../../src/infrastructure/sqlite/sqlite-event-store';

const X = 'LSVAB4BR5MN000001';
const manager = { userId: 'dm-sh', role: 'dealer-manager', dealerId: 'd-sh-01' };
const at = (now: string): CommandContext => ({
  now,
  correlationId: 'c-1',
  causationId: null,
  actor: manager,
});
const REGISTRATION_DAY = at('2026-05-03T02:00:00.000Z');

/**
 * Two accounts registering one VIN at once on the real SQLite store: both read the VIN's claim stream
 * free, and the store's expected revision lets one claim land; the other is decided again, finds the
 * VIN on the first account, and is a 409 with nothing appended to its account or to the claim stream.
 */
describe('one fleet account per vehicle: registrations racing for a VIN on the real store', () => {
  let store: SqliteEventStore;
  const pipelineOn = (events: EventStore) =>
    new CommandPipeline(events, new EventCatalog(ALL_EVENT_TYPES), allowEveryCommand);
  const register = (accountId: string, on: EventStore = store, context = REGISTRATION_DAY) =>
    new FleetAccountHandler(pipelineOn(on)).execute(
      new FleetAccountCommand({ type: 'RegisterFleetVehicle', data: { accountId, vin: X } }, context),
    );
  const typesOf = async (streamId: string) => (await store.readStream(streamId)).map((event) => event.type);
  const holdersOf = async () =>
    (await store.readStream(`fleetvehicle-${X}`)).map((event) => event.data.holder);

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    for (const accountId of ['fa-a', 'fa-b'])
      await pipelineOn(store).execute(
        fleetAccountFeature,
        {
          type: 'OpenFleetAccount',
          data: {
            accountId,
            dealerId: 'd-sh-01',
            companyName: `公司 ${accountId}`,
            accountManagerId: 'sc-li',
          },
        },
        at('2026-04-01T02:00:00.000Z'),
      );
  });
  afterEach(() => store.close());

  /** The store, with `rival` run to the end just before the first append to the VIN's claim stream. */
  const rivalLandsFirst = (rival: () => Promise<unknown>): EventStore => {
    let pending = true;
    return new Proxy(store, {
      get: (target, property) => {
        if (property === 'appendToStream')
          return async (...args: Parameters<EventStore['appendToStream']>) => {
            if (pending && args[0] === `fleetvehicle-${X}`) {
              pending = false;
              await rival();
            }
            return target.appendToStream(...args);
          };
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };

  it('two accounts sent together: exactly one registration lands, the other is a 409 that appended nothing', async () => {
    const outcomes = await Promise.allSettled([register('fa-a'), register('fa-b')]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused).toEqual([expect.objectContaining({ code: 'FLEET_VEHICLE_ON_OTHER_ACCOUNT' })]);
    const registrations = [
      ...(await typesOf('fleetaccount-fa-a')),
      ...(await typesOf('fleetaccount-fa-b')),
    ].filter((type) => type === 'FleetVehicleRegistered');
    expect(registrations).toHaveLength(1);
    expect(await typesOf(`fleetvehicle-${X}`)).toEqual(['FleetVehicleClaimed']);
  });

  it('a real lost race: account B loses the claim to account A, is decided again and refused, naming A', async () => {
    const racing = rivalLandsFirst(() => register('fa-a'));
    await expect(register('fa-b', racing)).rejects.toMatchObject({
      code: 'FLEET_VEHICLE_ON_OTHER_ACCOUNT',
      details: { vin: X, accountId: 'fa-b', otherAccountId: 'fa-a' },
    });
    expect(await typesOf('fleetaccount-fa-a')).toEqual(['FleetAccountOpened', 'FleetVehicleRegistered']);
    expect(await typesOf('fleetaccount-fa-b')).toEqual(['FleetAccountOpened']);
    expect(await holdersOf()).toEqual([{ accountId: 'fa-a', dealerId: 'd-sh-01' }]);
  });

  it('a registration that loses the race on its own account after claiming leaves the VIN free for the next', async () => {
    // Account A claims X at its revision 0; before its registration is appended a member company lands at
    // revision 1, so the pinned registration is a 409: account A never got X.
    let pending = true;
    const racing = new Proxy(store, {
      get: (target, property) => {
        if (property === 'appendToStream')
          return async (...args: Parameters<EventStore['appendToStream']>) => {
            if (pending && args[0] === 'fleetaccount-fa-a') {
              pending = false;
              await new FleetAccountHandler(pipelineOn(store)).execute(
                new FleetAccountCommand(
                  {
                    type: 'AddFleetMemberCompany',
                    data: { accountId: 'fa-a', memberId: 'm-1', companyName: '分公司' },
                  },
                  REGISTRATION_DAY,
                ),
              );
            }
            return target.appendToStream(...args);
          };
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(register('fa-a', racing)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError' });
    expect(await typesOf('fleetaccount-fa-a')).toEqual(['FleetAccountOpened', 'FleetMemberCompanyAdded']);
    // Account A's stream moved past the claim's revision without the registration: B takes X over.
    await register('fa-b');
    expect(await holdersOf()).toEqual([
      { accountId: 'fa-a', dealerId: 'd-sh-01' },
      { accountId: 'fa-b', dealerId: 'd-sh-01' },
    ]);
    await expect(register('fa-a')).rejects.toMatchObject({ code: 'FLEET_VEHICLE_ON_OTHER_ACCOUNT' });
  });

  it('the same facts in either arrival order: a registration dated before the other account’s removal is refused', async () => {
    const remove = (accountId: string, now: string) =>
      new FleetAccountHandler(pipelineOn(store)).execute(
        new FleetAccountCommand(
          { type: 'RemoveFleetVehicle', data: { accountId, vin: X, reason: 'sold' } },
          at(now),
        ),
      );
    await register('fa-a', store, at('2026-05-01T02:00:00.000Z'));
    // B's registration of 05-03 arrives before A's removal of 05-05: A holds X.
    await expect(register('fa-b')).rejects.toMatchObject({ code: 'FLEET_VEHICLE_ON_OTHER_ACCOUNT' });
    await remove('fa-a', '2026-05-05T02:00:00.000Z');
    // Sent again after the removal arrived: still refused, X was on A until 05-05.
    await expect(register('fa-b')).rejects.toMatchObject({
      code: 'FLEET_VEHICLE_ON_OTHER_ACCOUNT',
      details: { otherAccountId: 'fa-a', heldUntil: '2026-05-05T02:00:00.000Z' },
    });
    expect(await typesOf('fleetaccount-fa-b')).toEqual(['FleetAccountOpened']);
    // Dated at the removal or after: B takes X over.
    await register('fa-b', store, at('2026-05-05T02:00:00.000Z'));
    expect(await holdersOf()).toEqual([
      { accountId: 'fa-a', dealerId: 'd-sh-01' },
      { accountId: 'fa-b', dealerId: 'd-sh-01' },
    ]);
    // A registering X again is refused now, and B's retry changes nothing.
    await expect(register('fa-a', store, at('2026-05-06T02:00:00.000Z'))).rejects.toMatchObject({
      code: 'FLEET_VEHICLE_ON_OTHER_ACCOUNT',
      details: { otherAccountId: 'fa-b' },
    });
    await expect(register('fa-b', store, at('2026-05-06T02:00:00.000Z'))).rejects.toMatchObject({
      code: 'FLEET_VEHICLE_ALREADY_ON_ACCOUNT',
    });
    expect(await typesOf(`fleetvehicle-${X}`)).toEqual(['FleetVehicleClaimed', 'FleetVehicleClaimed']);
  });
});
