import { Module } from '@nestjs/common';
import { LEAD_COMMAND_HANDLERS } from './lead.handlers';
import { LEAD_QUERY_HANDLERS } from './lead.queries';

/**
 * OEM leads: the commands, the lead, the dealer's worklist and the KPI. The return watcher and the conversion
 * reactor are declared in `lead.feature.ts`. Stores, pipeline and the phone blind index come from the core.
 */
@Module({ providers: [...LEAD_COMMAND_HANDLERS, ...LEAD_QUERY_HANDLERS] })
export class LeadModule {}
