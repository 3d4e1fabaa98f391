import { allowEveryCommand } from '../../../../src/application/access/command-authoriser';
import { ALL_EVENT_TYPES } from '../../../../src/application/features';
import { fleetAccountFeature } from '../../../../src/application/fleet-account/fleet-account.feature';
import {
  type EventStore,
  WrongExpectedRevisionError,
} from '../../../../src/application/ports/event-store.port';
import type { CommandContext } from '../../../../src/application/shared/command-context';
import { CommandPipeline, LOST_RACE_DECISIONS } from '../../../../src/application/shared/command-pipeline';
import { EventCatalog } from '../../../../src/application/shared/event-catalog';
import { SqliteEventStore } from '../../../../src/infrastructure/sqlite/sqlite-event-store';

const manager = { userId: 'dm-sh', role: 'dealer-manager', dealerId: 'd-sh-01' };
const at = (now: string): CommandContext => ({
  now,
  correlationId: 'c-1',
  causationId: null,
  actor: manager,
});
const register = {
  type: 'RegisterFleetVehicle' as const,
  data: { accountId: 'fa-1', vin: 'LSVAB4BR5MN000001' },
};

/**
 * A real lost race on the real store: before each of the command's first `rivals` appends, another
 * command lands on the same stream, so the append's expected revision is stale and the store refuses it.
 */
describe('command pipeline: a lost race decided again on the new state, a bounded number of times', () => {
  let inner: SqliteEventStore;
  let rival: CommandPipeline;
  let rivalsLanded = 0;
  const racing = (rivals: number): EventStore => {
    let left = rivals;
    return new Proxy(inner, {
      get: (target, property) => {
        if (property === 'appendToStream')
          return async (...args: Parameters<EventStore['appendToStream']>) => {
            if (left > 0) {
              left -= 1;
              await rival.execute(
                fleetAccountFeature,
                {
                  type: 'AddFleetMemberCompany',
                  data: {
                    accountId: 'fa-1',
                    memberId: `m-${++rivalsLanded}`,
                    companyName: `M${rivalsLanded}`,
                  },
                },
                at('2026-03-02T02:00:00.000Z'),
              );
            }
            return target.appendToStream(...args);
          };
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  const pipelineOn = (store: EventStore) =>
    new CommandPipeline(store, new EventCatalog(ALL_EVENT_TYPES), allowEveryCommand);

  beforeEach(async () => {
    inner = SqliteEventStore.open(':memory:');
    rival = pipelineOn(inner);
    await rival.execute(
      fleetAccountFeature,
      {
        type: 'OpenFleetAccount',
        data: { accountId: 'fa-1', dealerId: 'd-sh-01', companyName: '申通', accountManagerId: 'sc-wang' },
      },
      at('2026-03-01T02:00:00.000Z'),
    );
  });
  afterEach(() => inner.close());

  it('without deciding again, the first lost race is a 409 that appended nothing', async () => {
    await expect(
      pipelineOn(racing(1)).execute(fleetAccountFeature, register, at('2026-03-03T02:00:00.000Z')),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    // Opened, then the rival's member company: no registration.
    expect((await inner.readStream('fleetaccount-fa-1')).map((event) => event.type)).toEqual([
      'FleetAccountOpened',
      'FleetMemberCompanyAdded',
    ]);
  });

  it(`deciding again, it lands after ${LOST_RACE_DECISIONS - 1} lost races and is a 409 after ${LOST_RACE_DECISIONS}`, async () => {
    const landed = await pipelineOn(racing(LOST_RACE_DECISIONS - 1)).execute(
      fleetAccountFeature,
      register,
      at('2026-03-03T02:00:00.000Z'),
      { decideAgainAfterLostRace: true },
    );
    // Opened (0), four rivals (1–4), the registration decided on the fifth read (5).
    expect(landed.revision).toBe(LOST_RACE_DECISIONS);
    await expect(
      pipelineOn(racing(LOST_RACE_DECISIONS)).execute(
        fleetAccountFeature,
        { type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: 'LSVAB4BR5MN000002' } },
        at('2026-03-03T02:00:00.000Z'),
        { decideAgainAfterLostRace: true },
      ),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });
});
