import { IsIn, IsOptional } from 'class-validator';
import type { DeliveryStatus } from '../../../application/integration/webhook-records';
import { PageParams } from '../shared/page.params';

export class DeliveriesParams extends PageParams {
  /** `dead`: the dead letters (replay them with POST …/replay). */
  @IsOptional() @IsIn(['pending', 'delivered', 'dead']) status?: DeliveryStatus;
}
