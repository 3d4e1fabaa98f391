import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import type { HandLeadCommand } from '../../../application/lead/lead.commands';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import type { HandLeadAgain, LoseLead, RecordLeadContact } from '../../../domain/lead/lead.commands';
import { LEAD_SOURCES, type LeadCustomer, type LeadSource } from '../../../domain/lead/lead.types';
import {
  LOST_REASONS,
  type LostReason,
  OPEN_GRADES,
  type OpenGrade,
} from '../../../domain/prospect/prospect.types';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';

// A step's body is its command's data less the record id (from the path): its route's entry checks it.

export class LeadCustomerBody implements Omit<LeadCustomer, 'customerId'> {
  /** The customer id, if the person is known; otherwise one is assigned. @example cu-30211 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) customerId?: string;
  /** @example 王芳 */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) name!: string;
  /** Digits, spaces, dashes, optional leading +; +86 is ignored. @example 13800000001 */
  @Matches(/^\+?[\d -]{6,24}$/, {
    message: '$property must be 6 to 24 digits, spaces or dashes, with an optional leading +',
  })
  phone!: string;
}

type Handing = Omit<HandLeadCommand['data'], 'leadId' | 'customer'>;

export class HandLeadBody extends BusinessTime implements Handing {
  /** Client-chosen id. Omitted: derived from the Idempotency-Key if sent, otherwise generated. @example l-2026-000042 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) leadId?: string;
  /** The dealer the lead is handed to. @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** Where the OEM got the lead. @example hotline */
  @IsIn(LEAD_SOURCES) source!: LeadSource;
  /** The model the customer asked about. @example "ID.4 CROZZ" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) model!: string;
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => LeadCustomerBody)
  customer!: LeadCustomerBody;
  /** The campaign the lead came from (source `campaign`). @example cmp-spring-2026 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) campaignId?: string;
}

export class HandLeadAgainBody extends BusinessTime implements Omit<HandLeadAgain['data'], 'leadId'> {
  /** The dealer the returned lead is handed to now (any, the same one too). @example d-bj-02 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** Why this dealer. @example "d-sh-01 did not accept in time; d-bj-02 is nearer the customer" */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class RecordLeadContactBody extends BusinessTime implements Omit<RecordLeadContact['data'], 'leadId'> {
  /** What was said. @example "Called, wants a test drive on Saturday" */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class LoseLeadBody extends BusinessTime implements Omit<LoseLead['data'], 'leadId'> {
  /** Why the lead was lost (战败原因). @example bought-competitor-brand */
  @IsIn(LOST_REASONS) reason!: LostReason;
  /** @example "Bought a competitor's SUV last week" */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class OpenLeadProspectBody extends BusinessTime {
  /** The consultant who owns the prospect file. @example sc-li */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) consultantId!: string;
  /** H within 7 days, A 14, B 21, C 90. @example A */
  @IsIn(OPEN_GRADES) grade!: OpenGrade;
}
