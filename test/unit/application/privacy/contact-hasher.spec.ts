import { randomBytes } from 'node:crypto';
import { ContactHasher } from '../../../../src/application/privacy/contact-hasher';
import { PhoneBlindIndex } from '../../../../src/application/privacy/phone-blind-index';
import { markLegacy, protectValue } from '../../../../src/application/privacy/protected-value';
import { SqliteKeyStore } from '../../../../src/infrastructure/keystore/sqlite-key-store';

describe('the blind index of a phone or plate as an event stores it', () => {
  let keyStore: SqliteKeyStore;
  let index: PhoneBlindIndex;
  let hasher: ContactHasher;

  beforeEach(() => {
    keyStore = SqliteKeyStore.open(':memory:', randomBytes(32));
    index = new PhoneBlindIndex(randomBytes(32));
    hasher = new ContactHasher(keyStore, index);
  });
  afterEach(() => keyStore.close());

  it('opens a protected phone and hashes it as the lookup hashes what the caller dialled', async () => {
    const key = await keyStore.getOrCreate('cu-1');
    if (key === 'erased') throw new Error('a fresh key store has no tombstones');
    const stored = protectValue(key, 'phone', 'cu-1', '139-1234-5678');
    expect(await hasher.hashOf('phone', stored)).toBe(index.hashOf('+86 139 1234 5678'));
  });

  it('hashes plates apart from phones, whatever the spacing and case', async () => {
    const plate = await hasher.hashOf('plate', markLegacy('plate', 'cu-1', '沪a·00001'));
    expect(plate).toBe(index.plateHashOf('沪A 00001'));
    expect(index.plateHashOf('12345678901')).not.toBe(index.hashOf('12345678901'));
  });

  it('indexes nothing once the customer is forgotten, or when the value does not open', async () => {
    const key = await keyStore.getOrCreate('cu-1');
    if (key === 'erased') throw new Error('a fresh key store has no tombstones');
    const stored = protectValue(key, 'phone', 'cu-1', '13912345678');
    const altered = `${stored.slice(0, -4)}${stored.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(await hasher.hashOf('phone', altered)).toBeNull();
    await keyStore.destroy('cu-1', '2026-04-20T02:00:00.000Z', 'erasure request');
    expect(await hasher.hashOf('phone', stored)).toBeNull();
  });
});
