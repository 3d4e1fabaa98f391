import type { ComplaintFiled } from '../../domain/complaint/complaint.events';
import type { ComplaintChannel } from '../../domain/complaint/complaint.types';
import { businessMonthOf } from '../../domain/shared/time';
import type { ProjectionDefinition } from '../shared/projection';

export type ComplaintChannelMonthly = {
  dealerId: string;
  /** Business month of filing (China Standard Time), `YYYY-MM`. */
  month: string;
  channel: ComplaintChannel;
  filed: number;
};

/**
 * Complaints filed per dealer, month and channel: where customers come in from. Counted for the dealer
 * filed with; a later transfer does not move the filing.
 */
export const complaintChannelMonthlyProjection: ProjectionDefinition<
  ComplaintFiled,
  ComplaintChannelMonthly
> = {
  name: 'complaint-channel-monthly',
  version: 1,
  collection: 'complaint_channel_monthly',
  indexes: [['dealerId', 'month'], ['month']],
  handles: ['ComplaintFiled'],
  documentIds: ({ data }) => [`${data.dealerId}:${businessMonthOf(data.filedAt)}:${data.channel}`],
  apply: (doc, { data }) => ({
    dealerId: data.dealerId,
    month: businessMonthOf(data.filedAt),
    channel: data.channel,
    filed: (doc?.filed ?? 0) + 1,
  }),
};
