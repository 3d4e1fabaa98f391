import { Module } from '@nestjs/common';
import { FleetAccountHandler } from './fleet-account.handlers';
import { FLEET_ACCOUNT_QUERY_HANDLERS } from './fleet-account.queries';

/** Fleet and group customers (issue 18 §2): the commands and the reads behind `/fleet/accounts`. */
@Module({ providers: [FleetAccountHandler, ...FLEET_ACCOUNT_QUERY_HANDLERS] })
export class FleetAccountModule {}
