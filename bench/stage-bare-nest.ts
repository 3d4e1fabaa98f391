/**
 * Bench stage: the yardstick of the no-op route (issue 14 §6): bare NestJS 11 on Fastify, one POST route
 * taking a class-validator DTO through Nest's own ValidationPipe, nothing else (no authentication, rate
 * limit, security headers, request context, logging or metrics). Prints `{ port, authorization }` like
 * stage-http-server.ts (the authorization is sent and ignored) and serves until its stdin closes.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { report } from './stage';

class PingBody {
  @IsOptional() @IsString() @MaxLength(200) note?: string;
}

@Controller('diagnostics')
class PingController {
  @Post('noop')
  @HttpCode(200)
  noop(@Body() _body: PingBody): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [PingController] })
class BareModule {}

const main = async () => {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
    logger: false,
  });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  report({ port: address.port, authorization: 'Bearer unused' });
  process.stdin.resume();
  process.stdin.once('end', () => {
    void app.close().then(() => process.exit(0));
  });
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
