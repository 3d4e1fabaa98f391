import { allowEveryCommand } from '../../../../src/application/access/command-authoriser';
import { ALL_EVENT_TYPES } from '../../../../src/application/features';
import { FleetAccountCommand } from '../../../../src/application/fleet-account/fleet-account.commands';
import { fleetAccountFeature } from '../../../../src/application/fleet-account/fleet-account.feature';
import { FleetAccountHandler } from '../../../../src/application/fleet-account/fleet-account.handlers';
import { createFleetOrderVehiclesReactor } from '../../../../src/application/fleet-order/fleet-order-vehicles.reactor';
import type { StoredEvent } from '../../../../src/application/ports/event-store.port';
import type { CommandContext } from '../../../../src/application/shared/command-context';
import { CommandPipeline } from '../../../../src/application/shared/command-pipeline';
import { EventCatalog } from '../../../../src/application/shared/event-catalog';
import { REACTOR_ACTOR } from '../../../../src/application/shared/reactor';
import type { FleetOrderVehicleDelivered } from '../../../../src/domain/fleet-order/fleet-order.events';
import { SqliteEventStore } from '../../../../src/infrastructure/sqlite/sqlite-event-store';

const VIN1 = 'LSVAB4BR5MN000001';
const manager = { userId: 'dm-sh', role: 'dealer-manager', dealerId: 'd-sh-01' };

const delivery = (eventId: string, vin: string, deliveredAt: string): StoredEvent => {
  const data: FleetOrderVehicleDelivered['data'] = {
    orderId: 'fo-1',
    accountId: 'fa-1',
    dealerId: 'd-sh-01',
    consultantId: 'sc-wang',
    vin,
    lineNo: 1,
    model: 'Lavida',
    promisedDeliveryAt: '2026-03-20T10:00:00.000Z',
    deliveredAt,
    onTime: true,
  };
  return {
    eventId,
    type: 'FleetOrderVehicleDelivered',
    schemaVersion: 1,
    streamId: 'fleetorder-fo-1',
    revision: 3,
    globalPosition: 10,
    recordedAt: deliveredAt,
    occurredAt: deliveredAt,
    metadata: { correlationId: 'corr-1', causationId: null, actor: manager },
    data,
  } as StoredEvent;
};

/** As the reactor runner builds it: the event's business time, a key naming the reactor and the event. */
const reactionTo = (event: StoredEvent) => ({
  commandContext: (): CommandContext => ({
    now: event.occurredAt,
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
    actor: REACTOR_ACTOR('fleet-order-vehicles'),
    idempotencyKey: `fleet-order-vehicles:${event.eventId}`,
  }),
});

describe('fleet-order-vehicles reactor', () => {
  let eventStore: SqliteEventStore;
  let pipeline: CommandPipeline;
  const onAccount = async () =>
    (await eventStore.readStream('fleetaccount-fa-1')).map(({ type, data }) => ({ type, data }));

  beforeEach(async () => {
    eventStore = SqliteEventStore.open(':memory:');
    pipeline = new CommandPipeline(eventStore, new EventCatalog(ALL_EVENT_TYPES), allowEveryCommand);
    await pipeline.execute(
      fleetAccountFeature,
      {
        type: 'OpenFleetAccount',
        data: { accountId: 'fa-1', dealerId: 'd-sh-01', companyName: '申通', accountManagerId: 'sc-wang' },
      },
      { now: '2026-03-01T02:00:00.000Z', correlationId: 'c-0', causationId: null, actor: manager },
    );
  });
  afterEach(async () => {
    await eventStore.close();
  });

  it('registers a delivered VIN on the account at the delivery’s time; a re-run appends nothing', async () => {
    const reactor = createFleetOrderVehiclesReactor(pipeline);
    const event = delivery('ev-7', VIN1, '2026-03-10T02:00:00.000Z');
    await reactor.react(event, reactionTo(event));
    await reactor.react(event, reactionTo(event));
    expect((await onAccount()).slice(1)).toEqual([
      {
        type: 'FleetVehicleRegistered',
        data: {
          accountId: 'fa-1',
          dealerId: 'd-sh-01',
          vin: VIN1,
          driverCustomerId: null,
          registeredAt: '2026-03-10T02:00:00.000Z',
        },
      },
    ]);
  });

  it('takes a VIN already on the account as success, with nothing to do', async () => {
    await pipeline.execute(
      fleetAccountFeature,
      { type: 'RegisterFleetVehicle', data: { accountId: 'fa-1', vin: VIN1 } },
      { now: '2026-03-05T02:00:00.000Z', correlationId: 'c-1', causationId: null, actor: manager },
    );
    const reactor = createFleetOrderVehiclesReactor(pipeline);
    const event = delivery('ev-8', VIN1, '2026-03-10T02:00:00.000Z');
    await expect(reactor.react(event, reactionTo(event))).resolves.toBeUndefined();
    expect(await onAccount()).toHaveLength(2);
  });

  it('records nothing for a VIN on another fleet account, warns naming both, and never stops on it', async () => {
    // Account fa-2 of the same dealer has VIN1 from 03-05; fa-1's fleet order delivers it on 03-10.
    const accounts = new FleetAccountHandler(pipeline);
    const on = (now: string): CommandContext => ({
      now,
      correlationId: 'c-2',
      causationId: null,
      actor: manager,
    });
    await pipeline.execute(
      fleetAccountFeature,
      {
        type: 'OpenFleetAccount',
        data: { accountId: 'fa-2', dealerId: 'd-sh-01', companyName: '圆通', accountManagerId: 'sc-wang' },
      },
      on('2026-03-01T02:00:00.000Z'),
    );
    await accounts.execute(
      new FleetAccountCommand(
        { type: 'RegisterFleetVehicle', data: { accountId: 'fa-2', vin: VIN1 } },
        on('2026-03-05T02:00:00.000Z'),
      ),
    );
    const warnings: string[] = [];
    const reactor = createFleetOrderVehiclesReactor(pipeline, (message) => warnings.push(message));
    const event = delivery('ev-10', VIN1, '2026-03-10T02:00:00.000Z');
    await expect(reactor.react(event, reactionTo(event))).resolves.toBeUndefined();
    // A re-run: the same answer, nothing appended.
    await expect(reactor.react(event, reactionTo(event))).resolves.toBeUndefined();
    expect(await onAccount()).toHaveLength(1);
    expect((await eventStore.readStream(`fleetvehicle-${VIN1}`)).map((stored) => stored.data.holder)).toEqual(
      [{ accountId: 'fa-2', dealerId: 'd-sh-01' }],
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('fleet order fo-1 delivered VIN LSVAB4BR5MN000001 for fleet account fa-1');
    expect(warnings[0]).toContain('registered on fleet account fa-2');

    // fa-2 removes it on 03-12, after the delivery: the delivery's registration is still refused (X was
    // on fa-2 then), whichever arrived first.
    await accounts.execute(
      new FleetAccountCommand(
        { type: 'RemoveFleetVehicle', data: { accountId: 'fa-2', vin: VIN1, reason: 'sold' } },
        on('2026-03-12T02:00:00.000Z'),
      ),
    );
    await expect(reactor.react(event, reactionTo(event))).resolves.toBeUndefined();
    expect(await onAccount()).toHaveLength(1);
    expect(warnings[2]).toContain('registered on fleet account fa-2 until 2026-03-12T02:00:00.000Z');
  });

  it('stops on any other refusal rather than losing it (an account that does not exist)', async () => {
    const reactor = createFleetOrderVehiclesReactor(pipeline);
    const event = { ...delivery('ev-9', VIN1, '2026-03-10T02:00:00.000Z') };
    const unknown = { ...event, data: { ...event.data, accountId: 'fa-unknown' } } as StoredEvent;
    await expect(reactor.react(unknown, reactionTo(unknown))).rejects.toMatchObject({
      code: 'FLEET_ACCOUNT_NOT_FOUND',
    });
  });
});
