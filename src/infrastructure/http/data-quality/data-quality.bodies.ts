import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Length, Matches } from 'class-validator';
import type { SetRequiredFields } from '../../../domain/required-fields/required-fields.decider';
import { BusinessTime } from '../shared/command.bodies';

const NOT_BLANK = /\S/;

export class SetRequiredFieldsBody
  extends BusinessTime
  implements Omit<SetRequiredFields['data'], 'recordType'>
{
  /**
   * The record type's required fields from now on, each once; unknown fields are refused with the known
   * ones listed (422 REQUIRED_FIELDS_UNKNOWN_FIELD), an empty set too (REQUIRED_FIELDS_EMPTY).
   * @example ["name","phone","channel","modelOfInterest","consultantId","budgetFen"]
   */
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  fields!: string[];
  /** Why the set changes; required. @example "Budget drives the pipeline forecast: record it from April" */
  @IsString()
  @Length(1, 1000)
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  reason!: string;
}
