import { readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  deriveBlindIndexKey,
  loadMasterKey,
  masterKeyFile,
  masterKeyId,
  nextMasterKeyFile,
} from '../../../src/infrastructure/keystore/master-key';
import { tempDir } from '../../support/projection-fixtures';

describe('the personal-data master key', () => {
  const dirs: Array<{ remove: () => void }> = [];
  const dataDir = () => {
    const dir = tempDir('crm-master-');
    dirs.push(dir);
    return dir.dir;
  };
  afterAll(() => dirs.forEach((dir) => dir.remove()));

  it('is generated once into DATA_DIR/secrets with mode 0600, then read back', () => {
    const dir = dataDir();
    const first = loadMasterKey(null, dir, false);
    expect(first.source).toBe('generated');
    expect(first.key).toHaveLength(32);
    expect(statSync(masterKeyFile(dir)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(masterKeyFile(dir), 'utf8'), 'base64')).toEqual(first.key);
    const second = loadMasterKey(null, dir, false);
    expect(second).toEqual({ key: first.key, source: 'file', previous: null });
  });

  it('takes PII_MASTER_KEY when set, and refuses one that is not base64 of 32 bytes, naming it', () => {
    const key = Buffer.alloc(32, 9);
    expect(loadMasterKey(key.toString('base64'), dataDir(), true)).toEqual({
      key,
      source: 'environment',
      previous: null,
    });
    expect(() => loadMasterKey(Buffer.alloc(16).toString('base64'), dataDir(), false)).toThrow(
      /PII_MASTER_KEY is not base64 of 32 bytes/,
    );
    expect(() => loadMasterKey('not base64!', dataDir(), false)).toThrow(/PII_MASTER_KEY/);
  });

  it('takes PII_MASTER_KEY_PREVIOUS beside PII_MASTER_KEY during a rotation, never alone', () => {
    const key = Buffer.alloc(32, 9);
    const previous = Buffer.alloc(32, 8);
    expect(loadMasterKey(key.toString('base64'), dataDir(), true, previous.toString('base64'))).toEqual({
      key,
      source: 'environment',
      previous,
    });
    // The same key twice is no rotation.
    expect(
      loadMasterKey(key.toString('base64'), dataDir(), true, key.toString('base64')).previous,
    ).toBeNull();
    expect(() => loadMasterKey(null, dataDir(), false, previous.toString('base64'))).toThrow(
      /PII_MASTER_KEY_PREVIOUS is set and PII_MASTER_KEY is not/,
    );
    expect(() => loadMasterKey(key.toString('base64'), dataDir(), false, 'short')).toThrow(
      /PII_MASTER_KEY_PREVIOUS is not base64 of 32 bytes/,
    );
  });

  it('opens with the next key file of an embedded rotation under way, the old file as the previous key', () => {
    const dir = dataDir();
    const old = loadMasterKey(null, dir, false).key;
    const next = Buffer.alloc(32, 4);
    writeFileSync(nextMasterKeyFile(dir), next.toString('base64'));
    expect(loadMasterKey(null, dir, false)).toEqual({ key: next, source: 'file', previous: old });
  });

  it('names a master key by an id that is stable and is not the key', () => {
    const key = Buffer.alloc(32, 9);
    expect(masterKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyId(key)).toBe(masterKeyId(Buffer.alloc(32, 9)));
    expect(masterKeyId(key)).not.toBe(masterKeyId(Buffer.alloc(32, 8)));
    expect(key.toString('hex')).not.toContain(masterKeyId(key));
  });

  it('is required when the key store is on a server (MongoDB)', () => {
    expect(() => loadMasterKey(null, dataDir(), true)).toThrow(
      /PII_MASTER_KEY is not set, and MONGODB_URL is/,
    );
  });

  it('derives a separate, stable blind-index key', () => {
    const master = Buffer.alloc(32, 9);
    expect(deriveBlindIndexKey(master)).toEqual(deriveBlindIndexKey(master));
    expect(deriveBlindIndexKey(master)).not.toEqual(master);
    expect(deriveBlindIndexKey(master)).toHaveLength(32);
  });
});
