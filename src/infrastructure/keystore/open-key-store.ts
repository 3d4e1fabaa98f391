import { join } from 'node:path';
import type { PersonalDataKeyStore } from '../../application/ports/personal-data-key-store.port';
import type { AppConfig } from '../config/app-config';
import { loadMasterKey, type MasterKeySource } from './master-key';

export type KeyStoreDescription = Readonly<{ adapter: 'sqlite' | 'mongodb'; location: string }>;

export const describeKeyStore = (config: AppConfig): KeyStoreDescription =>
  config.mongodbUrl
    ? { adapter: 'mongodb', location: `${config.mongodbDatabase}.personal_data_keys` }
    : { adapter: 'sqlite', location: join(config.dataDir, 'keys.sqlite') };

export type OpenedKeyStore = Readonly<{ keyStore: PersonalDataKeyStore; master: MasterKeySource }>;

/** The key store beside the read models: MongoDB when MONGODB_URL is set, else `DATA_DIR/keys.sqlite`. */
export const openKeyStore = async (config: AppConfig): Promise<OpenedKeyStore> => {
  const master = loadMasterKey(config.piiMasterKey, config.dataDir, config.mongodbUrl !== null);
  if (!config.mongodbUrl) {
    const { SqliteKeyStore } = await import('./sqlite-key-store');
    return { keyStore: SqliteKeyStore.open(describeKeyStore(config).location, master.key), master };
  }
  const { MongoKeyStore } = await import('./mongodb-key-store');
  return {
    keyStore: await MongoKeyStore.connect(config.mongodbUrl, config.mongodbDatabase, master.key),
    master,
  };
};
