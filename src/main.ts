import 'reflect-metadata';
import { createApp } from './bootstrap';
import { loadConfig } from './infrastructure/config/app-config';
import { JsonLogger } from './infrastructure/logging/json-logger';
import { describeEventStore, describeReadStore } from './infrastructure/stores';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const app = await createApp({ config, logger });
  await app.listen(config.port, config.host);
  logger.entry('info', `dealer CRM API listening on http://${config.host}:${config.port} (docs at /docs)`, {
    eventStore: describeEventStore(config),
    readStore: describeReadStore(config),
  });
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', message: 'startup failed', error: String(error) })}\n`,
  );
  process.exit(1);
});
