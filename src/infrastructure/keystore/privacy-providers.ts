import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore, type Subscription } from '../../application/ports/event-store.port';
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
import { interruptibleSleep } from '../event-store/catch-up-subscription';
import { CachedKeyStore } from './cached-key-store';
import { describeKeyStore, openKeyStore, type OpenedKeyStore } from './open-key-store';

const OPENED_KEY_STORE = Symbol('OPENED_KEY_STORE');

/** DI token of the key store's derivation root (master-key.ts): the keys derived for other uses start from it. */
export const KEY_DERIVATION_ROOT = Symbol('KEY_DERIVATION_ROOT');

/** After a failure the eviction follows the log again after this, doubling up to the maximum. */
const EVICTION_RETRY_MS = { first: 1000, max: 30_000 } as const;

/**
 * Every process evicts from its key cache the subjects forgotten by any process, as their
 * `CustomerForgotten` reaches it (the cache's freshness bounds the rest: `PII_KEY_FRESHNESS_MS`). It follows
 * the log from its head at start (what was forgotten before is erased in the store already), in the
 * background: a store that does not answer delays it (retried with backoff, from where it stood), never the
 * start of the application.
 */
@Injectable()
class KeyCacheEviction implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscription: Subscription | undefined;
  private readonly stopping = new AbortController();
  private following: Promise<void> = Promise.resolve();

  constructor(
    @Inject(PERSONAL_DATA_KEY_STORE) private readonly keyStore: PersonalDataKeyStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.keyStore instanceof CachedKeyStore) this.following = this.follow(this.keyStore);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.following;
    await this.subscription?.stop();
  }

  private async follow(cache: CachedKeyStore): Promise<void> {
    let position: number | null = null;
    let delay: number = EVICTION_RETRY_MS.first;
    while (!this.stopping.signal.aborted) {
      try {
        const after: number = position ?? (await this.eventStore.headPosition());
        position = after;
        const failed = await new Promise<unknown>((resolve) => {
          this.subscription = this.eventStore.subscribeToAll({
            after,
            batchSize: 1000,
            onBatch: async (batch) => {
              for (const event of batch)
                if (event.type === 'CustomerForgotten') cache.evict(String(event.data.customerId));
              position = batch[batch.length - 1].globalPosition;
              delay = EVICTION_RETRY_MS.first;
            },
            onError: resolve,
          });
          this.stopping.signal.addEventListener('abort', () => resolve(null), { once: true });
        });
        if (failed === null) return;
        this.subscription = undefined;
        throw failed;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        this.logger.entry(
          'warn',
          `the key cache cannot follow forgettings in other processes for now (${String(error)}): retrying in ${delay} ms; a forgotten key is dropped within PII_KEY_FRESHNESS_MS meanwhile`,
          {},
        );
        await interruptibleSleep(delay, this.stopping.signal);
        delay = Math.min(EVICTION_RETRY_MS.max, delay * 2);
      }
    }
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
