import { Module } from '@nestjs/common';
import { AdminProjectionsController } from './admin-projections.controller';

/** Operators' endpoints: projections and their blue/green rebuilds (docs/analytics.md). */
@Module({ controllers: [AdminProjectionsController] })
export class AdminModule {}
