import { readFileSync, statSync } from 'node:fs';
import {
  deriveBlindIndexKey,
  loadMasterKey,
  masterKeyFile,
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
    expect(second).toEqual({ key: first.key, source: 'file' });
  });

  it('takes PII_MASTER_KEY when set, and refuses one that is not base64 of 32 bytes, naming it', () => {
    const key = Buffer.alloc(32, 9);
    expect(loadMasterKey(key.toString('base64'), dataDir(), true)).toEqual({ key, source: 'environment' });
    expect(() => loadMasterKey(Buffer.alloc(16).toString('base64'), dataDir(), false)).toThrow(
      /PII_MASTER_KEY is not base64 of 32 bytes/,
    );
    expect(() => loadMasterKey('not base64!', dataDir(), false)).toThrow(/PII_MASTER_KEY/);
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
