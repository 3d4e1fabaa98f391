import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.port';
import {
  PERSONAL_DATA_KEY_STORE,
  type PersonalDataKeyStore,
} from '../../application/ports/personal-data-key-store.port';
import { ContactHasher } from '../../application/privacy/contact-hasher';
import { PersonalDataProtector } from '../../application/privacy/personal-data-protector';
import { PersonalDataRevealer } from '../../application/privacy/personal-data-revealer';
import { PhoneBlindIndex } from '../../application/privacy/phone-blind-index';
import { RequestFingerprint } from '../../application/privacy/request-fingerprint';
import { EventCatalog } from '../../application/shared/event-catalog';
import { EventEncoder } from '../../application/shared/event-encoder';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { deriveBlindIndexKey, deriveRequestFingerprintKey, masterKeyFile } from './master-key';
import { LogFollower } from '../event-store/log-follower';
import { CachedKeyStore } from './cached-key-store';
import { describeKeyStore, openKeyStore, type OpenedKeyStore } from './open-key-store';

const OPENED_KEY_STORE = Symbol('OPENED_KEY_STORE');

/** DI token of the key store's derivation root (master-key.ts): the keys derived for other uses start from it. */
export const KEY_DERIVATION_ROOT = Symbol('KEY_DERIVATION_ROOT');

/**
 * Every process evicts from its key cache the subjects forgotten by any process, as their
 * `CustomerForgotten` reaches it (the cache's freshness bounds the rest: `PII_KEY_FRESHNESS_MS`). It follows
 * the log from its head at start (what was forgotten before is erased in the store already), in the
 * background (`LogFollower`): a store that does not answer delays it (retried with backoff, from where it
 * stood), never the start of the application.
 */
@Injectable()
class KeyCacheEviction implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private follower: LogFollower | undefined;

  constructor(
    @Inject(PERSONAL_DATA_KEY_STORE) private readonly keyStore: PersonalDataKeyStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    const cache = this.keyStore;
    if (!(cache instanceof CachedKeyStore)) return;
    this.follower = new LogFollower({
      eventStore: this.eventStore,
      types: new Set(['CustomerForgotten']),
      onEvent: (event) => cache.evict(String(event.data.customerId)),
      onError: (error, delay) =>
        this.logger.entry(
          'warn',
          `the key cache cannot follow forgettings in other processes for now (${String(error)}): retrying in ${delay} ms; a forgotten key is dropped within PII_KEY_FRESHNESS_MS meanwhile`,
          {},
        ),
    });
    this.follower.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.follower?.stop();
  }
}

@Injectable()
class KeyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(PERSONAL_DATA_KEY_STORE) private readonly keyStore: PersonalDataKeyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.keyStore.close();
  }
}

/**
 * The key store, the protector every event goes through (via the EventEncoder), the revealer of
 * responses and the blind indexes of phones and plates: provided by the core module, since the command pipeline needs them.
 */
export const PRIVACY_CORE_PROVIDERS: Provider[] = [
  {
    provide: OPENED_KEY_STORE,
    useFactory: async (config: AppConfig, logger: JsonLogger): Promise<OpenedKeyStore> => {
      const opened = await openKeyStore(config);
      if (opened.master.source === 'generated')
        logger.entry('warn', 'PII_MASTER_KEY is not set: generated a master key for personal data', {
          file: masterKeyFile(config.dataDir),
          keyStore: describeKeyStore(config).location,
          next: 'back this file up apart from the data, or set PII_MASTER_KEY from a secret store',
        });
      return opened;
    },
    inject: [APP_CONFIG, JsonLogger],
  },
  {
    provide: PERSONAL_DATA_KEY_STORE,
    // Unwrapped keys kept in memory for a moment (issue 14 §5); PII_KEY_CACHE_SIZE=0: every use asks the store.
    useFactory: (opened: OpenedKeyStore, config: AppConfig) =>
      config.piiKeyCacheSize > 0
        ? new CachedKeyStore(opened.keyStore, {
            maxKeys: config.piiKeyCacheSize,
            freshnessMs: config.piiKeyFreshnessMs,
          })
        : opened.keyStore,
    inject: [OPENED_KEY_STORE, APP_CONFIG],
  },
  {
    provide: KEY_DERIVATION_ROOT,
    useFactory: (opened: OpenedKeyStore) => opened.derivationRoot,
    inject: [OPENED_KEY_STORE],
  },
  {
    provide: RequestFingerprint,
    useFactory: (root: Buffer) => new RequestFingerprint(deriveRequestFingerprintKey(root)),
    inject: [KEY_DERIVATION_ROOT],
  },
  {
    provide: PhoneBlindIndex,
    useFactory: (root: Buffer) => new PhoneBlindIndex(deriveBlindIndexKey(root)),
    inject: [KEY_DERIVATION_ROOT],
  },
  {
    provide: ContactHasher,
    useFactory: (keyStore: PersonalDataKeyStore, index: PhoneBlindIndex) =>
      new ContactHasher(keyStore, index),
    inject: [PERSONAL_DATA_KEY_STORE, PhoneBlindIndex],
  },
  {
    provide: PersonalDataProtector,
    useFactory: (keyStore: PersonalDataKeyStore, catalog: EventCatalog) =>
      new PersonalDataProtector(keyStore, (type) => catalog.personalDataOf(type)),
    inject: [PERSONAL_DATA_KEY_STORE, EventCatalog],
  },
  {
    provide: PersonalDataRevealer,
    useFactory: (keyStore: PersonalDataKeyStore) => new PersonalDataRevealer(keyStore),
    inject: [PERSONAL_DATA_KEY_STORE],
  },
  {
    provide: EventEncoder,
    useFactory: (catalog: EventCatalog, protector: PersonalDataProtector) =>
      new EventEncoder(catalog, undefined, protector),
    inject: [EventCatalog, PersonalDataProtector],
  },
  KeyStoreCloser,
  KeyCacheEviction,
];
