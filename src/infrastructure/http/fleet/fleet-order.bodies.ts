import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsISO8601,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { FleetOrderRequest } from '../../../application/fleet-order/fleet-order.commands';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import type { FleetOrderLineRequest } from '../../../domain/fleet-order/fleet-order.commands';
import { FLEET_ORDER_MAX_LINE_QUANTITY } from '../../../domain/fleet-order/fleet-order.decider';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../domain/vehicle-sale/vehicle-sale.types';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';
import { VIN, VIN_MESSAGE } from '../shared/vin';

/** Each body is its command's data less the order id (from the path), so a drifting body does not compile. */
type Body<T extends FleetOrderRequest['type']> = Omit<
  Extract<FleetOrderRequest, { type: T }>['data'],
  'orderId'
>;

const ID = { message: RECORD_ID_MESSAGE };
const ISO = { strict: true, strictSeparator: true } as const;
const MAX_FEN = 100_000_000_000;
/** ISO 3779: 17 characters, no I, O or Q. */

export class FleetOrderLineBody implements FleetOrderLineRequest {
  /** @example Lavida */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) model!: string;
  /** Vehicles of this model on this line, 1 to 500. @example 2 */
  @IsInt() @Min(1) @Max(FLEET_ORDER_MAX_LINE_QUANTITY) quantity!: number;
  /** Unit list price in fen. @example 15000000 */
  @IsInt() @Min(0) @Max(MAX_FEN) listPriceFen!: number;
  /** Unit discount in fen (not above the list price: 422). @example 1000000 */
  @IsInt() @Min(0) @Max(MAX_FEN) discountFen!: number;
}

export class SignFleetOrderBody extends BusinessTime implements Body<'SignFleetOrder'> {
  /** Optional: derived from the Idempotency-Key, or made up, when left out. @example fo-shentong-1 */
  @IsOptional() @Matches(RECORD_ID, ID) orderId?: string;
  /** The fleet account the vehicles are for. @example fa-shentong */
  @Matches(RECORD_ID, ID) accountId!: string;
  /** The account's dealer. @example d-sh-01 */
  @Matches(RECORD_ID, ID) dealerId!: string;
  /** The sales consultant who signs the order (a consultant: themselves). @example sc-wang */
  @Matches(RECORD_ID, ID) consultantId!: string;
  /**
   * Numbered from 1 in the order given; at least 2 vehicles in all.
   * @example [{"model":"Lavida","quantity":2,"listPriceFen":15000000,"discountFen":1000000},{"model":"Tiguan L","quantity":1,"listPriceFen":25000000,"discountFen":0}]
   */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FleetOrderLineBody)
  lines!: FleetOrderLineBody[];
  /** @example lease */
  @IsIn(PAYMENT_METHODS) payment!: PaymentMethod;
  /** Delivery promised for every vehicle. @example 2026-03-20T18:00:00+08:00 */
  @IsISO8601(ISO) promisedDeliveryAt!: string;
}

export class AllocateFleetVehicleBody extends BusinessTime implements Body<'AllocateFleetVehicle'> {
  /** @example LSVAB4BR5MN000001 */
  @Matches(VIN, { message: VIN_MESSAGE }) vin!: string;
  /** The line the vehicle is for. @example 1 */
  @IsInt() @Min(1) lineNo!: number;
}

export class DeliverFleetVehicleBody extends BusinessTime implements Body<'DeliverFleetVehicle'> {
  /** An allocated VIN of the order. @example LSVAB4BR5MN000001 */
  @Matches(VIN, { message: VIN_MESSAGE }) vin!: string;
}

export class CancelFleetOrderBody extends BusinessTime implements Body<'CancelFleetOrder'> {
  /** @example "the fleet's budget was cut" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 500) reason!: string;
}
