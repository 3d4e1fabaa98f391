import { randomBytes } from 'node:crypto';
import type { Role } from '../../../../src/application/access/principal';
import { ALL_EVENT_TYPES } from '../../../../src/application/features';
import type { StoredEvent } from '../../../../src/application/ports/event-store.port';
import { PersonalDataProtector } from '../../../../src/application/privacy/personal-data-protector';
import { PersonalDataRevealer, subjectsIn } from '../../../../src/application/privacy/personal-data-revealer';
import { maskPhone } from '../../../../src/application/privacy/personal-data-rights';
import { PhoneBlindIndex } from '../../../../src/application/privacy/phone-blind-index';
import { CustomerForgotten } from '../../../../src/application/privacy/privacy.errors';
import {
  markLegacy,
  openProtected,
  parseProtected,
  protectValue,
} from '../../../../src/application/privacy/protected-value';
import { EventCatalog } from '../../../../src/application/shared/event-catalog';
import { EventEncoder } from '../../../../src/application/shared/event-encoder';
import { checkLink, GENESIS_HASH } from '../../../../src/application/shared/hash-chain';
import { SqliteKeyStore } from '../../../../src/infrastructure/keystore/sqlite-key-store';

const catalog = new EventCatalog(ALL_EVENT_TYPES);
const context = {
  now: '2026-03-02T02:00:00.000Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: { userId: 'u-1', role: 'customer-service', dealerId: 'd-1' },
};
const filed = (customer: Record<string, string>) => ({
  type: 'ComplaintFiled',
  data: { complaintId: 'c-1', dealerId: 'd-1', description: 'noise', customer },
});
const principal = (role: Role) => ({ userId: 'u', role, dealerId: null, credentialId: 'k' });

describe('protected values', () => {
  const key = randomBytes(32);

  it('round-trips, and is bound to its subject and kind', () => {
    const sealed = protectValue(key, 'phone', 'cu-1', '13812345678');
    expect(sealed).toMatch(/^pii:1:phone:cu-1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('13812345678');
    expect(openProtected(parseProtected(sealed)!, key)).toBe('13812345678');
    // Moved to another subject or kind, the value no longer opens.
    const moved = parseProtected(sealed.replace(':cu-1:', ':cu-2:'))!;
    expect(() => openProtected(moved, key)).toThrow();
    expect(() => openProtected({ ...parseProtected(sealed)!, kind: 'name' }, key)).toThrow();
    expect(() => openProtected(parseProtected(sealed)!, randomBytes(32))).toThrow();
  });

  it('encrypts the same value differently each time (no equality leaks between events)', () => {
    expect(protectValue(key, 'name', 'cu-1', '王芳')).not.toBe(protectValue(key, 'name', 'cu-1', '王芳'));
  });

  it('masks phones keeping the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('021-5555')).toBe('***5555');
    expect(maskPhone('12')).toBe('****');
  });

  it('hashes phones with a key: the same phone matches, another key does not', () => {
    const index = new PhoneBlindIndex(randomBytes(32));
    expect(index.hashOf('+86 138-1234-5678')).toBe(index.hashOf('13812345678'));
    expect(index.hashOf('13812345678')).not.toBe(new PhoneBlindIndex(randomBytes(32)).hashOf('13812345678'));
    expect(index.hashOf('13812345678')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the EventEncoder with the protector, over a real SQLite key store', () => {
  let keyStore: SqliteKeyStore;
  let encoder: EventEncoder;
  let revealer: PersonalDataRevealer;

  beforeEach(() => {
    keyStore = SqliteKeyStore.open(':memory:', randomBytes(32));
    const protector = new PersonalDataProtector(keyStore, (type) => catalog.personalDataOf(type));
    encoder = new EventEncoder(catalog, undefined, protector);
    revealer = new PersonalDataRevealer(keyStore);
  });
  afterEach(() => keyStore.close());

  it('encrypts the declared fields, keeps the rest and the subject id clear, and chains the stored form', async () => {
    const [event] = await encoder.encode(
      'complaint-c-1',
      undefined,
      [filed({ customerId: 'cu-1', name: '王芳', phone: '13812345678' })],
      context,
    );
    expect(event.schemaVersion).toBe(2);
    const customer = event.data.customer as Record<string, string>;
    expect(customer.customerId).toBe('cu-1');
    expect(customer.name).toMatch(/^pii:1:name:cu-1:/);
    expect(customer.phone).toMatch(/^pii:1:phone:cu-1:/);
    expect(JSON.stringify(event)).not.toMatch(/王芳|13812345678/);
    expect(event.data.description).toBe('noise');
    const stored = { ...event, streamId: 'complaint-c-1', revision: 0 } as unknown as StoredEvent;
    expect(checkLink(stored, GENESIS_HASH, 0).broken).toBeNull();
  });

  it('keeps a value already protected as it is, and encrypts a legacy clear value', async () => {
    const key = await keyStore.getOrCreate('cu-1');
    const sealedName = protectValue(key as Buffer, 'name', 'cu-1', '王芳');
    const [event] = await encoder.encode(
      'complaint-c-1',
      undefined,
      [filed({ customerId: 'cu-1', name: sealedName, phone: markLegacy('phone', 'cu-1', '13812345678') })],
      context,
    );
    const customer = event.data.customer as Record<string, string>;
    expect(customer.name).toBe(sealedName);
    expect(customer.phone).toMatch(/^pii:1:phone:cu-1:/);
    expect(await revealer.reveal(customer, principal('admin'))).toEqual({
      customerId: 'cu-1',
      name: '王芳',
      phone: '13812345678',
    });
  });

  it('refuses new personal data of a forgotten subject, and leaves events without personal data alone', async () => {
    await keyStore.destroy('cu-1', '2026-03-03T00:00:00.000Z', 'erasure request');
    await expect(
      encoder.encode(
        'complaint-c-1',
        undefined,
        [filed({ customerId: 'cu-1', name: 'x', phone: '1' })],
        context,
      ),
    ).rejects.toBeInstanceOf(CustomerForgotten);
    const note = { type: 'InvestigationNoteAdded', data: { complaintId: 'c-1', note: 'called' } };
    const [event] = await encoder.encode('complaint-c-1', undefined, [note], context);
    expect(event.data).toEqual(note.data);
  });

  it('reveals by role in one key fetch: full, masked, no ID number, and [erased] once forgotten', async () => {
    const keyOne = (await keyStore.getOrCreate('cu-1')) as Buffer;
    const keyTwo = (await keyStore.getOrCreate('cu-2')) as Buffer;
    const body = {
      items: [
        {
          phone: protectValue(keyOne, 'phone', 'cu-1', '13812345678'),
          idNumber: protectValue(keyOne, 'idNumber', 'cu-1', '310101199001011234'),
        },
        { phone: protectValue(keyTwo, 'phone', 'cu-2', '13900001111'), total: 3, when: null },
      ],
    };
    let fetches = 0;
    const getMany = keyStore.getMany.bind(keyStore);
    keyStore.getMany = (ids) => {
      fetches += 1;
      return getMany(ids);
    };
    const rows: Array<[Role | undefined, unknown]> = [
      ['admin', ['13812345678', '310101199001011234', '13900001111']],
      ['dealer-manager', ['13812345678', '310101199001011234', '13900001111']],
      ['sales-consultant', ['13812345678', null, '13900001111']],
      ['service-advisor', ['13812345678', null, '13900001111']],
      ['customer-service', ['13812345678', null, '13900001111']],
      ['oem-staff', ['138****5678', null, '139****1111']],
      ['analyst', ['138****5678', null, '139****1111']],
      ['auditor', ['138****5678', null, '139****1111']],
      [undefined, ['138****5678', null, '139****1111']],
    ];
    for (const [role, expected] of rows) {
      const shown = await revealer.reveal(body, role ? principal(role) : undefined);
      expect([shown.items[0].phone, shown.items[0].idNumber, shown.items[1].phone]).toEqual(expected);
      expect(shown.items[1]).toMatchObject({ total: 3, when: null });
    }
    expect(fetches).toBe(rows.length);
    expect(subjectsIn(body)).toEqual(['cu-1', 'cu-2']);

    await keyStore.destroy('cu-1', '2026-03-03T00:00:00.000Z', 'erasure request');
    const after = await revealer.reveal(body, principal('admin'));
    expect(after.items[0]).toEqual({ phone: '[erased]', idNumber: '[erased]' });
    expect(after.items[1].phone).toBe('13900001111');
  });

  it('upcasts a v1 event: its clear values are tagged with their subject and hidden once it is forgotten', async () => {
    const v1 = {
      type: 'ComplaintFiled',
      schemaVersion: 1,
      data: filed({ customerId: 'cu-9', name: '李雷', phone: '13700000000' }).data,
    } as unknown as StoredEvent;
    const upcast = catalog.upcast(v1);
    expect(upcast.schemaVersion).toBe(2);
    const customer = upcast.data.customer as Record<string, string>;
    expect(customer.name).toMatch(/^pii:0:name:cu-9:/);
    expect(await revealer.reveal(customer, principal('oem-staff'))).toMatchObject({
      name: '李雷',
      phone: '137****0000',
    });
    await keyStore.destroy('cu-9', '2026-03-03T00:00:00.000Z', 'erasure request');
    expect(await revealer.reveal(customer, principal('admin'))).toMatchObject({
      name: '[erased]',
      phone: '[erased]',
    });
  });
});
