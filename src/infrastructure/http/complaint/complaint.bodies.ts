import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_LEVELS,
  COMPLAINT_SEVERITIES,
  CONTACT_CHANNELS,
  SATISFACTIONS,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintCustomer,
  type ComplaintLevel,
  type ComplaintSeverity,
  type ContactChannel,
  type Satisfaction,
} from '../../../domain/complaint/complaint.types';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import { BusinessTime } from '../shared/command.bodies';

// Each body is its command's data less the complaint id (from the path): its route's entry checks it.
const PHONE = /^\+?\d{6,20}$/;

export class ComplaintCustomerBody implements ComplaintCustomer {
  /** @example cu-20931 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) customerId!: string;
  /** @example 王芳 */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) name!: string;
  /** Mobile number, digits with an optional leading +. @example 13812345678 */
  @Matches(PHONE, { message: '$property must be 6 to 20 digits, with an optional leading +' }) phone!: string;
}

export class FileComplaintBody extends BusinessTime {
  /**
   * Client-chosen id. Omitted: derived from the Idempotency-Key if sent, otherwise generated.
   * @example c-2026-000142
   */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) complaintId?: string;
  /** @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** @example hotline */
  @IsIn(COMPLAINT_CHANNELS) channel!: ComplaintChannel;
  /** @example service */
  @IsIn(COMPLAINT_CATEGORIES) category!: ComplaintCategory;
  /** @example general */
  @IsIn(COMPLAINT_SEVERITIES) severity!: ComplaintSeverity;
  /** Defaults to L1 (dealer level). @example L1 */
  @IsOptional() @IsIn(COMPLAINT_LEVELS) level?: ComplaintLevel;
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => ComplaintCustomerBody)
  customer!: ComplaintCustomerBody;
  /** @example vs-88121 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) relatedSaleId?: string;
  /** @example ro-55310 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) relatedRepairOrderId?: string;
  /** @example "Brake noise came back two days after the repair" */
  @IsString() @Length(1, 4000) description!: string;
  /** @example "Free re-repair and a courtesy car" */
  @IsString() @Length(1, 1000) remedySought!: string;
}

export class AcknowledgeComplaintBody extends BusinessTime {
  /** @example "Called the customer back, visit booked for tomorrow" */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class AssignComplaintBody extends BusinessTime {
  /** Another dealer: a transfer. @example d-bj-02 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId?: string;
  /** Product → product dept., service → service, staff → manager. @example service */
  @IsOptional() @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) department?: string;
  /** @example u-sa-14 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) assigneeId?: string;
  /** @example "Vehicle was serviced at the Beijing dealer" */
  @IsOptional() @IsString() @Length(1, 1000) reason?: string;
}

export class RecordContactBody extends BusinessTime {
  /** @example phone */
  @IsIn(CONTACT_CHANNELS) channel!: ContactChannel;
  /** @example "Explained the inspection plan; customer wants a courtesy car" */
  @IsString() @Length(1, 2000) summary!: string;
}

export class InvestigationNoteBody extends BusinessTime {
  /** @example "Brake pads fitted on ro-77 were the wrong part number" */
  @IsString() @Length(1, 4000) note!: string;
}

export class ProposeResolutionBody extends BusinessTime {
  /** @example "Free re-repair with the right pads and a courtesy car for the day" */
  @IsString() @Length(1, 1000) remedyOffered!: string;
}

export class ResolutionResponseBody extends BusinessTime {
  /** Whether the customer accepts the proposed remedy. @example true */
  @IsBoolean() accepted!: boolean;
  /** @example "Accepted on the phone" */
  @IsOptional() @IsString() @Length(1, 1000) comment?: string;
}

export class CallbackBody extends BusinessTime {
  /** False when the customer could not be reached. @example true */
  @IsBoolean() reached!: boolean;
  /** @example satisfied */
  @IsOptional() @IsIn(SATISFACTIONS) satisfaction?: Satisfaction;
  /** @example "Noise gone, happy with the courtesy car" */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class ReasonBody extends BusinessTime {
  /** @example "The noise is back after a week" */
  @IsString() @Length(1, 1000) reason!: string;
}

export class EscalateComplaintBody extends ReasonBody {
  /** Defaults to the next level up. @example L2 */
  @IsOptional() @IsIn(COMPLAINT_LEVELS) to?: ComplaintLevel;
}
