import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { INTEGRATION_TYPES } from '../../../application/integration/integration-mappings';
import { RECORD_ID } from '../../../application/shared/record-id';

export class SubscribeWebhookBody {
  /** Client-chosen id; omitted: derived from the Idempotency-Key if sent, otherwise generated. @example wh-dms-1 */
  @IsOptional() @Matches(RECORD_ID) subscriptionId?: string;
  /** Where deliveries are POSTed: under a prefix of WEBHOOK_ALLOWED_URLS (else 422). @example https://hooks.example.com/crm */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url!: string;
  /** Integration event types to receive (docs/integration.md); empty or omitted: every type. @example ["com.dealer-crm.complaint.filed.v1"] */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsIn(INTEGRATION_TYPES, { each: true }) types?: string[];
  /** Only this dealer's records; omitted: every dealer. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /**
   * The signing secret, `whsec_` and base64 of 24 to 64 bytes (Standard Webhooks); omitted: generated. Shown
   * only in this answer. @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
   */
  @IsOptional()
  @Matches(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, {
    message: 'secret must be whsec_ and base64 of 24 to 64 bytes',
  })
  secret?: string;
}
