import 'reflect-metadata';
import { ExecuteComplaintCommand } from '../../../../src/application/complaint/complaint.commands';
import { FleetAccountCommand } from '../../../../src/application/fleet-account/fleet-account.commands';
import { ImportRowInvalid, type ImportRowType } from '../../../../src/application/import/import.service';
import { ExecuteMembershipCommand } from '../../../../src/application/membership/membership.commands';
import { AuthoriseWorkOrderCommand } from '../../../../src/application/repair-order/repair-order.commands';
import {
  RegisterProspectCommand,
  VehicleSaleStepCommand,
} from '../../../../src/application/sales/sales.commands';
import type { CommandContext } from '../../../../src/application/shared/command-context';
import { importRowTypes } from '../../../../src/infrastructure/http/import/import-row-types';

const NOW = new Date('2026-12-01T02:00:00Z');
const types = new Map(
  importRowTypes({ now: () => NOW }, async (prospectId) => `sale-of-${prospectId}`).map(
    (rowType) => [rowType.type, rowType] as const,
  ),
);
const context = (now: string): CommandContext => ({
  now,
  correlationId: 'c',
  causationId: null,
  actor: { userId: 'import:test', role: 'system', dealerId: null },
});
const typeOf = (name: string): ImportRowType => {
  const rowType = types.get(name);
  if (!rowType) throw new Error(`no row type ${name}`);
  return rowType;
};
/** The field errors a row gets, or [] when it maps to a command. */
const errorsOf = async (name: string, fields: Record<string, unknown>, fromText = false) => {
  try {
    await typeOf(name).command(fields, fromText, context(String(fields.occurredAt)));
    return [];
  } catch (error) {
    if (!(error instanceof ImportRowInvalid)) throw error;
    return [...new Set(error.fields.map(({ field }) => field))];
  }
};

const complaint = {
  complaintId: 'c-1',
  dealerId: 'd-1',
  channel: 'hotline',
  category: 'service',
  severity: 'general',
  customer: { customerId: 'cu-1', name: 'Wang Fang', phone: '13812345678' },
  description: 'brake noise',
  remedySought: 'repair',
  occurredAt: '2026-09-01T09:00:00+08:00',
};

describe('import row types: a row is its HTTP body, checked by the same rules', () => {
  it('maps a filing to the complaint bus message, without occurredAt (the context carries it)', async () => {
    const message = await typeOf('complaint.FileComplaint').command(
      complaint,
      false,
      context(complaint.occurredAt),
    );
    expect(message).toBeInstanceOf(ExecuteComplaintCommand);
    const { occurredAt: _occurredAt, ...data } = complaint;
    expect((message as ExecuteComplaintCommand).command).toEqual({ type: 'FileComplaint', data });
  });

  it('gives every bad field with its reason: a wrong enum, a bad phone, an unknown field', async () => {
    expect(
      await errorsOf('complaint.FileComplaint', {
        ...complaint,
        severity: 'loud',
        customer: { ...complaint.customer, phone: 'call me' },
        mood: 'angry',
      }),
    ).toEqual(expect.arrayContaining(['severity', 'customer.phone', 'mood']));
  });

  it('refuses a business time in the future as HTTP does (occurredAt)', async () => {
    expect(
      await errorsOf('complaint.FileComplaint', { ...complaint, occurredAt: '2027-01-01T00:00:00Z' }),
    ).toEqual(['occurredAt']);
  });

  it('converts CSV cells to the body’s types: numbers and flags as JSON, text kept as text (a phone keeps its digits)', async () => {
    const fields = {
      customerId: 'cu-1',
      adjustmentId: 'adj-1',
      delta: '1200',
      reason: '500',
      occurredAt: '2026-01-01T00:00:00Z',
    };
    const message = (await typeOf('membership.AdjustPoints').command(
      fields,
      true,
      context(fields.occurredAt),
    )) as ExecuteMembershipCommand;
    expect(message).toBeInstanceOf(ExecuteMembershipCommand);
    expect(message.command.data).toEqual({
      customerId: 'cu-1',
      adjustmentId: 'adj-1',
      delta: 1200,
      reason: '500',
    });
    expect(await errorsOf('membership.AdjustPoints', { ...fields, delta: 'many' }, true)).toEqual(['delta']);
    const textComplaint = { ...complaint, customer: { ...complaint.customer, phone: '13812345678' } };
    expect(await errorsOf('complaint.FileComplaint', textComplaint, true)).toEqual([]);
  });

  it('takes a work order’s operations as a JSON cell, checked operation by operation', async () => {
    const fields = {
      repairOrderId: 'ro-1',
      labour: '[{"operationCode":"OIL","description":"oil change","standardHours":0.5}]',
      parts: '[]',
      estimateFen: '50000',
      occurredAt: '2026-01-01T00:00:00Z',
    };
    const message = await typeOf('repair-order.AuthoriseWorkOrder').command(
      fields,
      true,
      context(fields.occurredAt),
    );
    expect(message).toBeInstanceOf(AuthoriseWorkOrderCommand);
    expect((message as AuthoriseWorkOrderCommand).data).toMatchObject({
      repairOrderId: 'ro-1',
      estimateFen: 50000,
    });
    const bad = { ...fields, labour: '[{"operationCode":"OIL","standardHours":0.5}]' };
    expect(await errorsOf('repair-order.AuthoriseWorkOrder', bad, true)).toEqual(['labour.0.description']);
  });

  it('names a sale by the prospect it was ordered on', async () => {
    const fields = { prospectId: 'p-1', vin: 'LSVAX60E5M2000001', occurredAt: '2026-01-01T00:00:00Z' };
    const message = await typeOf('vehicle-sale.AllocateVehicle').command(
      fields,
      false,
      context(fields.occurredAt),
    );
    expect(message).toBeInstanceOf(VehicleSaleStepCommand);
    expect((message as VehicleSaleStepCommand).step).toEqual({
      type: 'AllocateVehicle',
      data: { saleId: 'sale-of-p-1', vin: 'LSVAX60E5M2000001' },
    });
  });

  it('registers a prospect with a customer id derived from the prospect when the DMS has none', async () => {
    const fields = {
      prospectId: 'p-1',
      dealerId: 'd-1',
      consultantId: 'sc-1',
      channel: 'walk-in',
      contact: { name: 'Zhang Wei', phone: '13800000001' },
      modelOfInterest: 'Lavida',
      grade: 'A',
      occurredAt: '2026-01-01T00:00:00Z',
    };
    const first = (await typeOf('prospect.RegisterProspect').command(
      fields,
      false,
      context(fields.occurredAt),
    )) as RegisterProspectCommand;
    const again = (await typeOf('prospect.RegisterProspect').command(
      fields,
      false,
      context(fields.occurredAt),
    )) as RegisterProspectCommand;
    expect(first).toBeInstanceOf(RegisterProspectCommand);
    expect(first.data.contact.customerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.data.contact.customerId).toBe(first.data.contact.customerId);
  });

  it('sends a fleet registration to the account’s handler as the route does (its VIN claimed there), the VIN checked', async () => {
    const row = { accountId: 'fa-1', vin: 'LSVAB4BR5MN000001', occurredAt: '2026-09-01T09:00:00+08:00' };
    const message = (await typeOf('fleet-account.RegisterFleetVehicle').command(
      row,
      false,
      context(row.occurredAt),
    )) as FleetAccountCommand;
    expect(message).toBeInstanceOf(FleetAccountCommand);
    expect(message.step).toEqual({
      type: 'RegisterFleetVehicle',
      data: { accountId: 'fa-1', vin: 'LSVAB4BR5MN000001' },
    });
    expect(
      await errorsOf('fleet-account.RegisterFleetVehicle', { ...row, vin: 'LSVAB4BR5MN00000O' }),
    ).toEqual(['vin']);
  });
});
