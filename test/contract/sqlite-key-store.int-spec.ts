import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
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
