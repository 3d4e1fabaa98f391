import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type AppConfig, loadConfig } from '../../infrastructure/config/app-config';
import { masterKeyFile, masterKeyId, nextMasterKeyFile } from '../../infrastructure/keystore/master-key';
import {
  describeKeyStore,
  openKeyStore,
  type OpenedKeyStore,
} from '../../infrastructure/keystore/open-key-store';
import { type CliCommand, positiveInteger, UsageError } from '../cli-command';

/** Each master key id with its wrapped keys, and which of the configured keys it is. */
const status = async (opened: OpenedKeyStore) => {
  const current = masterKeyId(opened.master.key);
  const previous = opened.master.previous ? masterKeyId(opened.master.previous) : null;
  const rows = await opened.keyStore.wrappedByMaster();
  return {
    current,
    previous,
    wrappedKeys: rows.map(({ masterKeyId: id, keys }) => ({
      masterKeyId: id,
      keys,
      wrappedBy:
        id === current ? 'current' : id === null ? 'unlabelled' : id === previous ? 'previous' : 'unknown',
    })),
    toRewrap: rows.filter((row) => row.masterKeyId !== current).reduce((sum, row) => sum + row.keys, 0),
  };
};

const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/**
 * The embedded default keeps its master key in a file: the rotation writes the next key beside it (kept if
 * an interrupted run left one), and moves it over the old file once every key is re-wrapped.
 */
const prepareFileRotation = (config: AppConfig): (() => void) | null => {
  if (config.piiMasterKey || config.mongodbUrl) return null;
  const file = masterKeyFile(config.dataDir);
  const next = nextMasterKeyFile(config.dataDir);
  if (!existsSync(file))
    throw new UsageError(`${file} does not exist: there is no master key to rotate in ${config.dataDir}`);
  if (!existsSync(next)) writeFileSync(next, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return () => renameSync(next, file);
};

export const keysCommand: CliCommand = (program: Command, run) => {
  const keys = program
    .command('keys')
    .description(
      'The personal-data key store: which master key wraps how many keys, and the re-wrapping of every key under a new master key (docs/privacy.md, "Rotating the master key").',
    );
  keys
    .command('status')
    .description(
      'Print, as JSON, the ids of PII_MASTER_KEY (current) and PII_MASTER_KEY_PREVIOUS, and the wrapped keys per master key id.',
    )
    .action(() =>
      run(async () => {
        const opened = await openKeyStore(loadConfig());
        try {
          print(await status(opened));
          return 0;
        } finally {
          await opened.keyStore.close();
        }
      }),
    );
  keys
    .command('rotate-master')
    .description(
      'Re-wrap every data key under the current master key. Server deployments: set PII_MASTER_KEY to the new key and PII_MASTER_KEY_PREVIOUS to the old one on every process first. The embedded default (no PII_MASTER_KEY) generates the new key itself, next to DATA_DIR/secrets/pii-master.key, and replaces that file at the end. Resumable: a re-run goes on where an interrupted one stopped. Prints the status before and after as JSON.',
    )
    .option('--batch <n>', 'keys re-wrapped per transaction', positiveInteger, 500)
    .action((options: { batch: number }) =>
      run(async () => {
        const { batch } = options;
        const config = loadConfig();
        const finish = prepareFileRotation(config);
        if (!finish && !config.piiMasterKeyPrevious)
          throw new UsageError(
            'PII_MASTER_KEY_PREVIOUS is not set: set PII_MASTER_KEY to the new master key and PII_MASTER_KEY_PREVIOUS to the old one (on every API and worker process too), then run this again',
          );
        const opened = await openKeyStore(config);
        try {
          const before = await status(opened);
          const unknown = before.wrappedKeys.filter((row) => row.wrappedBy === 'unknown');
          if (unknown.length > 0)
            throw new Error(
              `keys are wrapped by master keys that are neither current nor previous (${unknown.map((row) => row.masterKeyId).join(', ')}): they cannot be re-wrapped`,
            );
          let rewrapped = 0;
          for (let done = await opened.keyStore.rewrapBatch(batch); done > 0;) {
            rewrapped += done;
            process.stderr.write(`re-wrapped ${rewrapped} of ${before.toRewrap}\n`);
            done = await opened.keyStore.rewrapBatch(batch);
          }
          const after = await status(opened);
          finish?.();
          print({
            keyStore: describeKeyStore(config).location,
            rewrapped,
            before,
            after,
            next: finish
              ? `the new master key is now ${masterKeyFile(config.dataDir)}: back it up, and destroy copies of the old one`
              : 'remove PII_MASTER_KEY_PREVIOUS from every process, and destroy the old key',
          });
          return 0;
        } finally {
          await opened.keyStore.close();
        }
      }),
    );
};
