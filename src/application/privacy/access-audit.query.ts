import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type AccessAuditEntry,
  accessAuditProjection,
} from '../../projections/access-audit/access-audit.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { type FieldCondition, type Filter, READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Page } from '../shared/page';

const AUDIT = physicalCollection(accessAuditProjection);

export type AccessAuditFilter = Readonly<{
  customerId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}>;

/** Openings and forgettings, newest first; `from` inclusive, `to` exclusive. */
export class ListAccessAuditQuery extends Query<Page<AccessAuditEntry>> {
  constructor(
    readonly filter: AccessAuditFilter,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

@QueryHandler(ListAccessAuditQuery)
export class ListAccessAuditHandler implements IQueryHandler<ListAccessAuditQuery, Page<AccessAuditEntry>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, limit, offset }: ListAccessAuditQuery): Promise<Page<AccessAuditEntry>> {
    const { customerId, actorId, from, to } = filter;
    const at: Record<string, string> = {};
    if (from) at.$gte = new Date(from).toISOString();
    if (to) at.$lt = new Date(to).toISOString();
    const where: Filter = {
      ...(customerId ? { customerId } : {}),
      ...(actorId ? { actorId } : {}),
      ...(from || to ? { at: at as FieldCondition } : {}),
    };
    const [items, total] = await Promise.all([
      this.readStore.find<AccessAuditEntry>(AUDIT, where, {
        sort: [
          ['at', -1],
          ['position', -1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(AUDIT, where),
    ]);
    return { items, total, limit, offset };
  }
}
