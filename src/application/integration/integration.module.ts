import { Module } from '@nestjs/common';
import { ReadFeed } from './read-feed';

/** The event feed (routes: src/infrastructure/http/integration). Stores, catalog and revealer come from the core module. */
@Module({ providers: [ReadFeed], exports: [ReadFeed] })
export class IntegrationModule {}
