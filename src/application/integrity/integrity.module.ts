import { Module } from '@nestjs/common';
import { IntegrityService } from './integrity.service';

/** The hash-chain check (routes: src/infrastructure/http/integrity; also `crm verify-integrity`). */
@Module({ providers: [IntegrityService], exports: [IntegrityService] })
export class IntegrityModule {}
