import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AppModule, type AppOptions } from './app.module';
import { ProblemDetailsFilter, sendProblem } from './infrastructure/http/shared/problem-details.filter';
import { requestContext } from './infrastructure/request-context';
import { validationPipe } from './infrastructure/http/shared/validation';
import openApiMetadata from './infrastructure/http/openapi-metadata';
import { protectHttp } from './infrastructure/auth/http-protection';
import { registerJsonBodyParser } from './infrastructure/http/shared/json-body';
import { completeDocument, operationIdOf } from './infrastructure/http/shared/openapi-document';
import { serveWebApp } from './infrastructure/http/web/web-app';
import { Metrics } from './infrastructure/metrics/metrics';
import { registerPersonalDataReveal } from './infrastructure/http/shared/personal-data-reveal';
import { PersonalDataRevealer } from './application/privacy/personal-data-revealer';
import { FileAccessRecorder } from './application/privacy/file-access-recorder';
import { CommandContextFactory } from './infrastructure/http/shared/command-context.factory';
import { loggableUrl } from './infrastructure/logging/json-logger';

const CORRELATION_ID = /^[\w.:-]{1,100}$/;

/** Builds the HTTP application; `main.ts` listens on it, tests inject requests into it. */
export const createApp = async (options: AppOptions): Promise<NestFastifyApplication> => {
  const { config, logger } = options;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    logger: false,
    return503OnClosing: true,
    // A URL Fastify cannot decode (`%E0%A4%A`) is answered before any route or filter: as a problem too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(error, request, reply, logger),
    // A client that never finishes its request (a stalled or trickling body) would hold a socket for
    // good: past the timeout Node answers 408 and closes it. Node checks the sockets every
    // `connectionsCheckingInterval` (30 s by default), so it is checked often enough to keep the bound.
    // No idle timeout (`connectionTimeout`): it would also cut a long answer the server is still working on.
    requestTimeout: config.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(1_000, config.requestTimeoutMs),
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    logger,
    abortOnError: false,
    // JSON is parsed by our own parser (registerJsonBodyParser): Nest's would replace it at init.
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const given = request.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    void reply.header('x-correlation-id', correlationId);
    requestContext.run({ correlationId, requestId: request.id }, done);
  });
  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', (request, reply, done) => {
    // The route's template, never the URL: one series per route, whatever the ids (unmatched for a 404).
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    logger.entry('info', 'request', {
      method: request.method,
      url: loggableUrl(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
    done();
  });
  await protectHttp(app, config);
  registerPersonalDataReveal(
    fastify,
    app.get(PersonalDataRevealer),
    app.get(FileAccessRecorder),
    app.get(CommandContextFactory),
  );
  // Commands take JSON only: anything else is a 415, not a string for validation to trip over.
  registerJsonBodyParser(fastify, config.bodyLimitBytes);
  await serveWebApp(app, logger, options.webRoot);

  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();

  // Schemas of bodies, parameters and responses, generated from their types (scripts/openapi-metadata.js).
  await SwaggerModule.loadPluginMetadata(openApiMetadata);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dealer CRM API')
      .setDescription(
        'Commands append events; queries read projections. Errors are application/problem+json (RFC 9457) with a stable `code`. ' +
          'Commands accept `Idempotency-Key` (a retry appends nothing) and `If-Match` (409 if the record moved on).',
      )
      .setVersion('0.1.0')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key (crm_<id>_<secret>) or a signed token: docs/access.md',
        },
        'bearer',
      )
      .build(),
    { operationIdFactory: operationIdOf },
  );
  SwaggerModule.setup('docs', app, completeDocument(document), { jsonDocumentUrl: 'docs-json' });

  await app.init();
  await fastify.ready();
  return app;
};
