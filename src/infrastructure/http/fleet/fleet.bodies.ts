import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import type { FleetAccountCommand } from '../../../domain/fleet-account/fleet-account.commands';
import type { FleetDriver } from '../../../domain/fleet-account/fleet-account.events';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';
import { VIN, VIN_MESSAGE } from '../shared/vin';

/** Each body is its command's data less the account id (from the path), so a drifting body does not compile. */
type Body<T extends FleetAccountCommand['type']> = Omit<
  Extract<FleetAccountCommand, { type: T }>['data'],
  'accountId'
>;

const ID = { message: RECORD_ID_MESSAGE };
/** ISO 3779: 17 characters, no I, O or Q. */
/** 统一社会信用代码: 18 digits and capitals. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const CREDIT_CODE_MESSAGE =
  '$property must be an 18-character unified social credit code (digits and capitals)';

export class OpenFleetAccountBody extends BusinessTime implements Body<'OpenFleetAccount'> {
  /** Optional: derived from the Idempotency-Key, or made up, when left out. @example fa-shentong */
  @IsOptional() @Matches(RECORD_ID, ID) accountId?: string;
  /** The dealer that serves the account. @example d-sh-01 */
  @Matches(RECORD_ID, ID) dealerId!: string;
  /** @example 上海申通物流有限公司 */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) companyName!: string;
  /** Unified social credit code, when known. @example 91310000MA1FL0XX0X */
  @IsOptional() @Matches(CREDIT_CODE, { message: CREDIT_CODE_MESSAGE }) creditCode?: string;
  /** The account manager (客户经理): a sales consultant of the dealer. @example sc-wang */
  @Matches(RECORD_ID, ID) accountManagerId!: string;
}

export class AddFleetMemberCompanyBody extends BusinessTime implements Body<'AddFleetMemberCompany'> {
  /** The member company's id within the account. @example m-pudong */
  @Matches(RECORD_ID, ID) memberId!: string;
  /** @example 上海申通物流有限公司浦东分公司 */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) companyName!: string;
  /** @example 91310115MA1FL0YY0Y */
  @IsOptional() @Matches(CREDIT_CODE, { message: CREDIT_CODE_MESSAGE }) creditCode?: string;
}

export class FleetDriverBody implements FleetDriver {
  /** The driver's customer id: the subject of their personal data. @example cu-driver-1 */
  @Matches(RECORD_ID, ID) customerId!: string;
  /** Protected personal data. @example 李强 */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) name!: string;
  /** Protected personal data. Digits, spaces, dashes, optional leading +. @example 13800000011 */
  @Matches(/^\+?[\d -]{6,24}$/, {
    message: '$property must be 6 to 24 digits, spaces or dashes, with an optional leading +',
  })
  phone!: string;
}

export class AddFleetDriverBody extends BusinessTime implements Body<'AddFleetDriver'> {
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => FleetDriverBody)
  driver!: FleetDriverBody;
}

export class RemoveFleetDriverBody extends BusinessTime implements Body<'RemoveFleetDriver'> {
  /** @example cu-driver-1 */
  @Matches(RECORD_ID, ID) customerId!: string;
  /** @example "left the company" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 500) reason!: string;
}

export class RegisterFleetVehicleBody extends BusinessTime implements Body<'RegisterFleetVehicle'> {
  /** @example LSVAB4BR5MN000001 */
  @Matches(VIN, { message: VIN_MESSAGE }) vin!: string;
  /** One of the account's drivers, who drives it. @example cu-driver-1 */
  @IsOptional() @Matches(RECORD_ID, ID) driverCustomerId?: string;
}

export class RemoveFleetVehicleBody extends BusinessTime implements Body<'RemoveFleetVehicle'> {
  /** @example LSVAB4BR5MN000001 */
  @Matches(VIN, { message: VIN_MESSAGE }) vin!: string;
  /** @example "sold to a private buyer" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 500) reason!: string;
}

export class ReassignFleetAccountManagerBody
  extends BusinessTime
  implements Body<'ReassignFleetAccountManager'>
{
  /** The new account manager: a sales consultant of the account's dealer. @example sc-li */
  @Matches(RECORD_ID, ID) accountManagerId!: string;
  /** 集团调配: why the account moves. @example "sc-wang moved to the Pudong showroom" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 500) reason!: string;
}
