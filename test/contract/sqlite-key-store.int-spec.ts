import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { wrapKey } from '../../src/infrastructure/keystore/key-wrap';
import { masterKeyId } from '../../src/infrastructure/keystore/master-key';
import { SqliteKeyStore } from '../../src/infrastructure/keystore/sqlite-key-store';
import { tempDir } from '../support/projection-fixtures';
import { personalDataKeyStoreContract } from './personal-data-key-store.contract';

const dirs: Array<{ remove: () => void }> = [];
afterAll(() => dirs.forEach((dir) => dir.remove()));

personalDataKeyStoreContract('SQLite', async (master) => {
  const dir = tempDir('crm-keys-');
  dirs.push(dir);
  const file = dir.file('keys.sqlite');
  return { store: SqliteKeyStore.open(file, master), reopen: async (key) => SqliteKeyStore.open(file, key) };
});

describe('SQLite key store: no copy of a destroyed key lingers in its files', () => {
  it('leaves neither the wrapped key in the database file nor in its WAL after a destroy', async () => {
    const dir = tempDir('crm-keys-');
    dirs.push(dir);
    const file = dir.file('keys.sqlite');
    const store = SqliteKeyStore.open(file, Buffer.alloc(32, 1));
    await store.getOrCreate('cu-1');
    const probe = new Database(file, { readonly: true });
    const { wrapped_key: wrapped } = probe
      .prepare('SELECT wrapped_key FROM personal_data_keys WHERE subject_id = ?')
      .get('cu-1') as { wrapped_key: Buffer };
    probe.close();
    expect(wrapped.length).toBeGreaterThan(32);
    const files = () =>
      [file, `${file}-wal`].map((name) => {
        try {
          return readFileSync(name);
        } catch {
          return Buffer.alloc(0);
        }
      });
    expect(files().some((content) => content.includes(wrapped))).toBe(true);
    await store.destroy('cu-1', '2026-03-01T00:00:00.000Z', 'erasure request');
    expect(files().some((content) => content.includes(wrapped))).toBe(false);
    await store.close();
  });
});

describe('SQLite key store: a file written before keys named their master key', () => {
  it('opens its keys, keeps the master key as the derivation root, and re-wraps them in a rotation', async () => {
    const dir = tempDir('crm-keys-');
    dirs.push(dir);
    const file = dir.file('keys.sqlite');
    const old = Buffer.alloc(32, 1);
    const dataKey = Buffer.alloc(32, 5);
    // The table as the previous version created it, with one key wrapped by the old master key.
    const legacy = new Database(file);
    legacy.exec(`CREATE TABLE personal_data_keys (
      subject_id TEXT PRIMARY KEY, wrapped_key BLOB, created_at TEXT NOT NULL, erased_at TEXT, reason TEXT,
      CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL)))`);
    legacy
      .prepare('INSERT INTO personal_data_keys (subject_id, wrapped_key, created_at) VALUES (?, ?, ?)')
      .run('cu-1', wrapKey(old, 'cu-1', dataKey), '2025-01-01T00:00:00.000Z');
    legacy.close();

    const store = SqliteKeyStore.open(file, old);
    expect(await store.getOrCreate('cu-1')).toEqual(dataKey);
    expect(await store.derivationRoot()).toEqual(old);
    expect(await store.wrappedByMaster()).toEqual([
      { masterKeyId: null, keys: 1 },
      { masterKeyId: masterKeyId(old), keys: 1 },
    ]);
    await store.close();

    const next = Buffer.alloc(32, 9);
    const rotating = SqliteKeyStore.open(file, { current: next, previous: old });
    expect(await rotating.rewrapBatch(100)).toBe(2);
    await rotating.close();
    const after = SqliteKeyStore.open(file, next);
    expect(await after.getOrCreate('cu-1')).toEqual(dataKey);
    expect(await after.derivationRoot()).toEqual(old);
    await after.close();
  });
});
