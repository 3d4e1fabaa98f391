import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccessAuditEntry,
  accessAuditProjection,
} from '../../projections/access-audit/access-audit.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';
import { type FieldCondition, type Filter, READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Page } from '../shared/page';
import { AccessAuditQueryDto } from './privacy.dto';

const AUDIT = physicalCollection(accessAuditProjection);

@ApiTags('access audit')
@Controller('access-audit')
export class AccessAuditController {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  @Get()
  @Permit('access-audit.read')
  @ApiOperation({
    summary: "Who opened which customer's records, when and why; and who forgot whom",
    description: 'Newest first. Filters are ANDed; `from` is inclusive, `to` exclusive.',
  })
  async list(@Query() query: AccessAuditQueryDto): Promise<Page<AccessAuditEntry>> {
    const { limit = 50, offset = 0, customerId, actorId, from, to } = query;
    const at: Record<string, string> = {};
    if (from) at.$gte = new Date(from).toISOString();
    if (to) at.$lt = new Date(to).toISOString();
    const filter: Filter = {
      ...(customerId ? { customerId } : {}),
      ...(actorId ? { actorId } : {}),
      ...(from || to ? { at: at as FieldCondition } : {}),
    };
    const [items, total] = await Promise.all([
      this.readStore.find<AccessAuditEntry>(AUDIT, filter, {
        sort: [
          ['at', -1],
          ['position', -1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(AUDIT, filter),
    ]);
    return { items, total, limit, offset };
  }
}
