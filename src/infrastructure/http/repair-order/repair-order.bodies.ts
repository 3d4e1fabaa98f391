import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmptyObject,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  ValidateNested,
} from 'class-validator';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import type { CsiFactor } from '../../../domain/repair-order/csi-weights';
import {
  REPAIR_ORDER_PAYERS,
  REPAIR_ORDER_TYPES,
  type ClockedWork,
  type LabourOperation,
  type PartLine,
  type RepairOrderPayer,
  type RepairOrderType,
} from '../../../domain/repair-order/repair-order.types';
import { BusinessTime } from '../shared/command.bodies';
import { UnhappyReasonsRules } from '../shared/unhappy-reasons.rules';
import { VIN, VIN_MESSAGE } from '../shared/vin';

/**
 * Each body is its command's data less the repair order id (from the path): its route's entry checks it.
 * Signs are left to the domain, so every caller gets the same 422 for a negative figure; the upper
 * bounds (realistic ranges, so no figure overflows a sum or a store's integer) are the edge's. The class
 * names are the OpenAPI schema names clients already know (`…Dto`), kept through the move.
 */

/** ISO 3779: 17 characters, no I, O or Q. */
const TWO_DECIMALS = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };
const ISO = { strict: true, strictSeparator: true };
const ID = { message: RECORD_ID_MESSAGE };

export class VehicleFields extends BusinessTime {
  /** @example d-sh-01 */
  @Matches(RECORD_ID, ID) dealerId!: string;
  /** @example LSVAB4BR5MN000001 */
  @Matches(VIN, { message: VIN_MESSAGE }) vin!: string;
  /** @example 沪A12345 */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 16) plate!: string;
  /** @example cu-20931 */
  @Matches(RECORD_ID, ID) customerId!: string;
}

export class BookAppointmentDto extends VehicleFields {
  /**
   * The repair order the appointment opens. Omitted: derived from the Idempotency-Key if sent, otherwise
   * generated.
   * @example ro-2026-000311
   */
  @IsOptional() @Matches(RECORD_ID, ID) repairOrderId?: string;
  /** When the customer will bring the vehicle. @example 2026-03-05T09:30:00+08:00 */
  @IsISO8601(ISO) requestedFor!: string;
  /** @example u-sa-3 */
  @IsOptional() @Matches(RECORD_ID, ID) serviceAdvisorId?: string;
  /** @example "10,000 km service" */
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class CheckInVehicleDto extends VehicleFields {
  /** Odometer at check-in, km (at most 2,000,000), never negative (a 422 otherwise). @example 12480 */
  @IsInt() @Max(2_000_000) mileageKm!: number;
  /** The customer's own words. @example "Squeal from the front brakes when stopping" */
  @IsString() @Length(1, 4000) customerDescription!: string;
  /** @example u-sa-3 */
  @Matches(RECORD_ID, ID) serviceAdvisorId!: string;
}

export class OpenRepairOrderDto extends CheckInVehicleDto {
  /**
   * Client-chosen id. Omitted: derived from the Idempotency-Key if sent, otherwise generated.
   * @example ro-2026-000312
   */
  @IsOptional() @Matches(RECORD_ID, ID) repairOrderId?: string;
}

export class RecordDiagnosisDto extends BusinessTime {
  /** @example "Front pads worn to 2 mm; discs within tolerance" */
  @IsString() @Length(1, 4000) diagnosis!: string;
}

export class LabourOperationDto implements LabourOperation {
  /** Labour operation code of the carmaker. @example BRK-PAD-F */
  @Matches(RECORD_ID, ID) operationCode!: string;
  /** @example "Replace front brake pads" */
  @IsString() @Length(1, 200) description!: string;
  /** Standard (billed) hours, two decimals at most (up to 1,000), never negative (a 422 otherwise). @example 1.2 */
  @IsNumber(TWO_DECIMALS) @Max(1_000) standardHours!: number;
}

export class PartLineDto implements PartLine {
  /** @example BP-220 */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 40) partNumber!: string;
  /** Two decimals at most (oil in litres), up to 10,000, never negative (a 422 otherwise). @example 1 */
  @IsNumber(TWO_DECIMALS) @Max(10_000) quantity!: number;
  /** Unit price in fen (1/100 RMB), up to a billion RMB, never negative (a 422 otherwise). @example 48000 */
  @IsInt() @Max(100_000_000_000) unitPriceFen!: number;
}

/** The client's half of the authorisation: the handler adds the vehicle's earlier settled orders. */
export class AuthoriseWorkOrderDto extends BusinessTime {
  /** @example [{"operationCode":"BRK-PAD-F","description":"Replace front brake pads","standardHours":1.2}] */
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LabourOperationDto)
  labour!: LabourOperationDto[];
  /** @example [{"partNumber":"BP-220","quantity":1,"unitPriceFen":48000}] */
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PartLineDto)
  parts!: PartLineDto[];
  /** The estimate the customer authorised, in fen (up to a billion RMB), never negative (a 422 otherwise). @example 66000 */
  @IsInt() @Max(100_000_000_000) estimateFen!: number;
}

export class MarkAsReworkDto extends BusinessTime {
  /** @example "Same brake noise as after last week’s repair" */
  @IsString() @Length(1, 1000) reason!: string;
  /** The repair order being redone, if known. @example ro-2026-000288 */
  @IsOptional() @Matches(RECORD_ID, ID) previousRepairOrderId?: string;
}

export class ClockedWorkDto implements ClockedWork {
  /** @example BRK-PAD-F */
  @Matches(RECORD_ID, ID) operationCode!: string;
  /** @example t-li */
  @Matches(RECORD_ID, ID) technicianId!: string;
  /** Clocked hours, two decimals at most (up to 1,000), never negative (a 422 otherwise). @example 1.5 */
  @IsNumber(TWO_DECIMALS) @Max(1_000) actualHours!: number;
}

export class CompleteWorkDto extends BusinessTime {
  /** @example [{"operationCode":"BRK-PAD-F","technicianId":"t-li","actualHours":1.5}] */
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ClockedWorkDto)
  clocked!: ClockedWorkDto[];
}

export class RecordInspectionDto extends BusinessTime {
  /** False sends the repair order back to repair. @example true */
  @IsBoolean() passed!: boolean;
  /** @example u-qc-1 */
  @Matches(RECORD_ID, ID) inspectorId!: string;
  /** @example "Pads still squeal at low speed" */
  @IsOptional() @IsString() @Length(1, 2000) findings?: string;
}

export class SettleRepairOrderDto extends BusinessTime {
  /** @example paid-repair */
  @IsIn(REPAIR_ORDER_TYPES) roType!: RepairOrderType;
  /** @example customer */
  @IsIn(REPAIR_ORDER_PAYERS) payer!: RepairOrderPayer;
  /** Labour amount in fen (up to a billion RMB), never negative (a 422 otherwise). @example 34000 */
  @IsInt() @Max(100_000_000_000) labourFen!: number;
  /** Parts amount in fen (up to a billion RMB), never negative (a 422 otherwise). @example 48000 */
  @IsInt() @Max(100_000_000_000) partsFen!: number;
}

export class CancelRepairOrderDto extends BusinessTime {
  /** @example "Customer declined the estimate" */
  @IsString() @Length(1, 1000) reason!: string;
}

/**
 * The range is the domain's rule (422 REPAIR_ORDER_SURVEY_ANSWER_OUT_OF_RANGE), not the validator's, so
 * no class-validator decorator can state it for the schema: these say it by hand.
 */
const FACTOR_SCALE = () => ApiProperty({ minimum: 1, maximum: 10 });
const RECOMMEND_SCALE = () => ApiProperty({ minimum: 0, maximum: 10 });

export class CsiAnswersDto implements Record<CsiFactor, number> {
  /** Service quality (weight 22). @example 9 */
  @FACTOR_SCALE() @IsInt() 'service-quality'!: number;
  /** Service facility (weight 20). @example 8 */
  @FACTOR_SCALE() @IsInt() 'service-facility'!: number;
  /** Vehicle pick-up (weight 20). @example 10 */
  @FACTOR_SCALE() @IsInt() 'vehicle-pick-up'!: number;
  /** Service initiation (weight 19). @example 7 */
  @FACTOR_SCALE() @IsInt() 'service-initiation'!: number;
  /** Service advisor (weight 19). @example 9 */
  @FACTOR_SCALE() @IsInt() 'service-advisor'!: number;
}

export class RecordCsiSurveyDto extends BusinessTime {
  /**
   * Each CSI factor answered 1–10; outside that is a 422.
   * @example {"service-quality":9,"service-facility":8,"vehicle-pick-up":10,"service-initiation":7,"service-advisor":9}
   */
  @IsDefined() @IsNotEmptyObject() @ValidateNested() @Type(() => CsiAnswersDto) answers!: CsiAnswersDto;
  /** "Would you recommend us?" 0–10, for the NPS. @example 9 */
  @RECOMMEND_SCALE() @IsInt() wouldRecommend!: number;
  /** @example "Quick and friendly" */
  @IsOptional() @IsString() @Length(1, 2000) comment?: string;
  /**
   * Why the customer is unhappy, coded (CSI codes of the reason catalogue: waiting-time, not-fixed, price,
   * advisor-attitude, not-informed, promised-time-missed, vehicle-dirty, facility). A factor answered 6 or
   * less opens a follow-up task (docs/care.md). @example ["waiting-time"]
   */
  @UnhappyReasonsRules() unhappyReasons?: string[];
}
