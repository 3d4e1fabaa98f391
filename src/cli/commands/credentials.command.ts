import type { Command } from 'commander';
import { ALL_EVENT_TYPES } from '../../application/features';
import { authoriseCommand } from '../../application/access/command-authoriser';
import { CommandPipeline } from '../../application/shared/command-pipeline';
import { EventCatalog } from '../../application/shared/event-catalog';
import type { Actor } from '../../domain/shared/event';
import type { CredentialKind } from '../../domain/credential/credential.events';
import { parseDuration } from '../../infrastructure/auth/credential-format';
import { CredentialService } from '../../infrastructure/auth/credential.service';
import { loadTokenSecret } from '../../infrastructure/auth/token-secret';
import { loadConfig } from '../../infrastructure/config/app-config';
import { openEventStore } from '../../infrastructure/stores';
import type { CliCommand } from '../cli-command';

const ACTOR_ID = /^[\w.@:-]{1,100}$/;

/** Who issues or revokes: `system:cli`, or the operator named by `--as`. */
const actorOf = (as: string | undefined): Actor => {
  if (as !== undefined && !ACTOR_ID.test(as))
    throw new Error(`--as ${as} is not 1 to 100 of [A-Za-z0-9_.@:-]`);
  return { userId: as ?? 'system:cli', role: 'system', dealerId: null };
};

/** Opens the event store, runs the body with the credential service, closes the store. */
const withCredentials = async <T>(body: (credentials: CredentialService) => Promise<T>): Promise<T> => {
  const config = loadConfig();
  const eventStore = await openEventStore(config);
  try {
    const pipeline = new CommandPipeline(eventStore, new EventCatalog(ALL_EVENT_TYPES), authoriseCommand);
    return await body(
      new CredentialService(eventStore, pipeline, loadTokenSecret(config.authTokenSecret, config.dataDir)),
    );
  } finally {
    await eventStore.close();
  }
};

const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

export const credentialsCommand: CliCommand = (program: Command, run) => {
  const credentials = program
    .command('credentials')
    .description(
      'Issue, revoke and list the bearer credentials of the API (docs/access.md). Issuing and revoking are events, recorded with the actor system:cli (or --as). A revocation takes effect on the next request, in every API process.',
    );

  credentials
    .command('issue')
    .description(
      'Issue an API key (integrators) or a signed token (people). Prints the secret once, as JSON: store it now, only its hash is kept.',
    )
    .requiredOption('--kind <kind>', 'api-key or token')
    .requiredOption('--user <userId>', 'the user or integration the credential stands for')
    .requiredOption(
      '--role <role>',
      'sales-consultant, service-advisor, customer-service, dealer-manager, oem-staff, analyst, auditor or admin',
    )
    .option(
      '--dealer <dealerId>',
      'the dealer of a dealer-bound role (required for those, refused for the others)',
    )
    .option('--expires-in <duration>', 'lifetime such as 30d, 12h or 45m (default: never)')
    .option('--as <userId>', 'record this operator as the issuer instead of system:cli')
    .action(
      (options: {
        kind: string;
        user: string;
        role: string;
        dealer?: string;
        expiresIn?: string;
        as?: string;
      }) =>
        run(async () => {
          if (options.kind !== 'api-key' && options.kind !== 'token')
            throw new Error(`--kind ${options.kind} is not api-key or token`);
          const actor = actorOf(options.as);
          const expiresInMs = options.expiresIn ? parseDuration(options.expiresIn) : null;
          const issued = await withCredentials((service) =>
            service.issue(
              {
                kind: options.kind as CredentialKind,
                userId: options.user,
                role: options.role,
                dealerId: options.dealer ?? null,
                expiresInMs,
              },
              actor,
            ),
          );
          print(issued);
          return 0;
        }),
    );

  credentials
    .command('revoke <credentialId>')
    .description('Revoke a credential: every later request with it gets 401 CREDENTIAL_REVOKED.')
    .requiredOption('--reason <text>', 'why, recorded with the revocation')
    .option('--as <userId>', 'record this operator as the revoker instead of system:cli')
    .action((credentialId: string, options: { reason: string; as?: string }) =>
      run(async () => {
        const actor = actorOf(options.as);
        await withCredentials((service) => service.revoke(credentialId, options.reason, actor));
        print({ credentialId, revoked: true, reason: options.reason, revokedBy: actor.userId });
        return 0;
      }),
    );

  credentials
    .command('list')
    .description('List every credential with its status (active, expired, revoked). Never prints a secret.')
    .action(() =>
      run(async () => {
        print(await withCredentials((service) => service.list()));
        return 0;
      }),
    );
};
