import { Module } from '@nestjs/common';
import { DDC_QUERY_HANDLERS } from './ddc.queries';

@Module({ providers: [...DDC_QUERY_HANDLERS] })
export class DdcModule {}
