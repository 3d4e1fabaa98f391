import { allowEveryCommand } from '../../../../src/application/access/command-authoriser';
import { ALL_EVENT_TYPES } from '../../../../src/application/features';
import { fleetAccountFeature } from '../../../../src/application/fleet-account/fleet-account.feature';
import { FleetOrderBusCommand } from '../../../../src/application/fleet-order/fleet-order.commands';
import { FleetOrderHandler } from '../../../../src/application/fleet-order/fleet-order.handlers';
import type { EventStore } from '../../../../src/application/ports/event-store.port';
import { VehicleSaleStepCommand } from '../../../../src/application/sales/sales.commands';
import { VehicleSaleStepHandler } from '../../../../src/application/sales/sales-step.handlers';
import { vehicleSaleFeature } from '../../../../src/application/sales/vehicle-sale.feature';
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
const ALLOCATION_DAY = at('2026-05-03T02:00:00.000Z');

/**
 * Two allocations racing for one VIN on the real SQLite store: both read the VIN's claim stream free,
 * and the store's expected revision lets one claim land; the other is decided again, finds the VIN
 * taken, and is a 409 with nothing appended to its record or to the claim stream.
 */
describe('one VIN, one sale: allocations racing for a VIN on the real store', () => {
  let store: SqliteEventStore;
  let pipeline: CommandPipeline;
  const pipelineOn = (events: EventStore) =>
    new CommandPipeline(events, new EventCatalog(ALL_EVENT_TYPES), allowEveryCommand);
  const sales = (on: EventStore = store) => new VehicleSaleStepHandler(pipelineOn(on));
  const fleet = (on: EventStore = store) => new FleetOrderHandler(pipelineOn(on));
  const allocateSale = (saleId: string, on?: EventStore) =>
    sales(on).execute(
      new VehicleSaleStepCommand({ type: 'AllocateVehicle', data: { saleId, vin: X } }, ALLOCATION_DAY),
    );
  const allocateFleet = (orderId: string, on?: EventStore) =>
    fleet(on).execute(
      new FleetOrderBusCommand(
        { type: 'AllocateFleetVehicle', data: { orderId, vin: X, lineNo: 1 } },
        ALLOCATION_DAY,
      ),
    );
  const typesOf = async (streamId: string) => (await store.readStream(streamId)).map((event) => event.type);

  const signSale = (saleId: string) =>
    pipeline.execute(
      vehicleSaleFeature,
      {
        type: 'SignOrder',
        data: {
          saleId,
          prospectId: `p-${saleId}`,
          dealerId: 'd-sh-01',
          consultantId: 'sc-li',
          customer: { customerId: `cu-${saleId}`, name: '张伟', phone: '13800000001' },
          model: 'Lavida',
          listPriceFen: 12_000_000,
          discountFen: 0,
          payment: 'cash',
          promisedDeliveryAt: '2026-06-01T02:00:00.000Z',
        },
      },
      at('2026-05-01T02:00:00.000Z'),
    );

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    pipeline = pipelineOn(store);
    await signSale('s-a');
    await signSale('s-b');
    await pipeline.execute(
      fleetAccountFeature,
      {
        type: 'OpenFleetAccount',
        data: { accountId: 'fa-1', dealerId: 'd-sh-01', companyName: '申通', accountManagerId: 'sc-li' },
      },
      at('2026-04-01T02:00:00.000Z'),
    );
    await fleet().execute(
      new FleetOrderBusCommand(
        {
          type: 'SignFleetOrder',
          data: {
            orderId: 'fo-1',
            accountId: 'fa-1',
            dealerId: 'd-sh-01',
            consultantId: 'sc-li',
            lines: [{ model: 'Lavida', quantity: 2, listPriceFen: 12_000_000, discountFen: 0 }],
            payment: 'lease',
            promisedDeliveryAt: '2026-06-01T02:00:00.000Z',
          },
        },
        at('2026-05-01T02:00:00.000Z'),
      ),
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
            if (pending && args[0] === `vehiclevin-${X}`) {
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

  it('two sales sent together: exactly one allocation lands, the other is a 409 that appended nothing', async () => {
    const outcomes = await Promise.allSettled([allocateSale('s-a'), allocateSale('s-b')]);
    const landed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(landed).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ code: 'VEHICLE_VIN_ALLOCATED' })]);
    const allocations = [...(await typesOf('vehiclesale-s-a')), ...(await typesOf('vehiclesale-s-b'))].filter(
      (type) => type === 'VehicleAllocated',
    );
    expect(allocations).toHaveLength(1);
    expect(await typesOf(`vehiclevin-${X}`)).toEqual(['VehicleVinClaimed']);
  });

  it('a real lost race: the claim of sale B loses to sale A, is decided again and refused, naming sale A', async () => {
    const racing = rivalLandsFirst(() => allocateSale('s-a'));
    await expect(allocateSale('s-b', racing)).rejects.toMatchObject({
      code: 'VEHICLE_VIN_ALLOCATED',
      details: { vin: X, holder: { kind: 'vehicle-sale', id: 's-a' } },
    });
    expect(await typesOf('vehiclesale-s-a')).toEqual(['OrderSigned', 'VehicleAllocated']);
    expect(await typesOf('vehiclesale-s-b')).toEqual(['OrderSigned']);
    const claims = await store.readStream(`vehiclevin-${X}`);
    expect(claims.map((event) => event.data.holder)).toEqual([
      { kind: 'vehicle-sale', id: 's-a', dealerId: 'd-sh-01' },
    ]);
  });

  it('a fleet order racing a sale for the VIN: the sale lands, the order is a 409 with no allocation', async () => {
    const racing = rivalLandsFirst(() => allocateSale('s-a'));
    await expect(allocateFleet('fo-1', racing)).rejects.toMatchObject({ code: 'VEHICLE_VIN_ALLOCATED' });
    expect(await typesOf('fleetorder-fo-1')).toEqual(['FleetOrderSigned']);
    expect(await typesOf(`vehiclevin-${X}`)).toEqual(['VehicleVinClaimed']);
  });

  it('an allocation that loses the race on its own record after claiming leaves the VIN free for the next', async () => {
    // Sale A claims X at its revision 0; before its allocation is appended a deposit lands at revision 1,
    // so the pinned allocation is a 409: sale A never got X.
    let pending = true;
    const racing = new Proxy(store, {
      get: (target, property) => {
        if (property === 'appendToStream')
          return async (...args: Parameters<EventStore['appendToStream']>) => {
            if (pending && args[0] === 'vehiclesale-s-a') {
              pending = false;
              await sales().execute(
                new VehicleSaleStepCommand(
                  { type: 'PayDeposit', data: { saleId: 's-a', amountFen: 2_000_000 } },
                  ALLOCATION_DAY,
                ),
              );
            }
            return target.appendToStream(...args);
          };
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(allocateSale('s-a', racing)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError' });
    expect(await typesOf('vehiclesale-s-a')).toEqual(['OrderSigned', 'DepositPaid']);
    // Sale A's record moved past the claim's revision without the allocation: sale B takes X over.
    await allocateSale('s-b');
    const claims = await store.readStream(`vehiclevin-${X}`);
    expect(claims.map((event) => event.data.holder)).toEqual([
      { kind: 'vehicle-sale', id: 's-a', dealerId: 'd-sh-01' },
      { kind: 'vehicle-sale', id: 's-b', dealerId: 'd-sh-01' },
    ]);
    // Sale A retries: X is sale B's now.
    await expect(allocateSale('s-a')).rejects.toMatchObject({ code: 'VEHICLE_VIN_ALLOCATED' });
  });
});
