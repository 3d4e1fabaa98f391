import { Module } from '@nestjs/common';
import { IntegrityController } from './integrity.controller';
import { IntegrityService } from './integrity.service';

@Module({ controllers: [IntegrityController], providers: [IntegrityService], exports: [IntegrityService] })
export class IntegrityModule {}
