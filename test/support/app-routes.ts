import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PERMISSION_KEY, PUBLIC_KEY } from '../../src/infrastructure/http/shared/permission.decorator';

export type AppRoute = Readonly<{ route: string; permission: unknown; isPublic: boolean }>;

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route of the running app (`METHOD /path/:param`), read from the controllers' metadata. */
export const appRoutes = (app: NestFastifyApplication): AppRoute[] => {
  const scanner = new MetadataScanner();
  return app
    .get(DiscoveryService)
    .getControllers()
    .flatMap(({ metatype, instance }) => {
      if (!metatype || !instance) return [];
      const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const prototype = Object.getPrototypeOf(instance) as object;
      return scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = (prototype as Record<string, unknown>)[name] as object;
        const path: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        return (Array.isArray(path) ? path : [path]).map((one: string) => ({
          route: `${method} ${join(prefix, one)}`,
          permission:
            Reflect.getMetadata(PERMISSION_KEY, handler) ?? Reflect.getMetadata(PERMISSION_KEY, metatype),
          isPublic: Boolean(
            Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, metatype),
          ),
        }));
      });
    });
};
