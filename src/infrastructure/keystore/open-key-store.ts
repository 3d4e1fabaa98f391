import { join } from 'node:path';
import type { PersonalDataKeyStore } from '../../application/ports/personal-data-key-store.port';
import type { AppConfig } from '../config/app-config';
import type { KeyStoreMaintenance } from './key-wrap';
import { loadMasterKey, type MasterKeySource } from './master-key';

export type KeyStoreDescription = Readonly<{ adapter: 'sqlite' | 'mongodb'; location: string }>;

export const describeKeyStore = (config: AppConfig): KeyStoreDescription =>
  config.mongodbUrl
    ? { adapter: 'mongodb', location: `${config.mongodbKeyDatabase}.personal_data_keys` }
    : { adapter: 'sqlite', location: join(config.dataDir, 'keys.sqlite') };

export type OpenedKeyStore = Readonly<{
  keyStore: PersonalDataKeyStore & KeyStoreMaintenance;
  master: MasterKeySource;
  /** The root of the blind-index, request-fingerprint and webhook-secret keys (master-key.ts). */
  derivationRoot: Buffer;
}>;

/** The key store: MongoDB (its own database) when MONGODB_URL is set, else `DATA_DIR/keys.sqlite`. */
export const openKeyStore = async (config: AppConfig): Promise<OpenedKeyStore> => {
  const master = loadMasterKey(
    config.piiMasterKey,
    config.dataDir,
    config.mongodbUrl !== null,
    config.piiMasterKeyPrevious,
  );
  const keyring = { current: master.key, previous: master.previous };
  let keyStore: PersonalDataKeyStore & KeyStoreMaintenance;
  if (!config.mongodbUrl) {
    const { SqliteKeyStore } = await import('./sqlite-key-store');
    keyStore = SqliteKeyStore.open(describeKeyStore(config).location, keyring);
  } else {
    const { MongoKeyStore } = await import('./mongodb-key-store');
    keyStore = await MongoKeyStore.connect(
      config.mongodbUrl,
      config.mongodbKeyDatabase,
      keyring,
      5000,
      config.mongodbDatabase,
    );
  }
  try {
    return { keyStore, master, derivationRoot: await keyStore.derivationRoot() };
  } catch (error) {
    await keyStore.close();
    throw error;
  }
};
