import { Injectable, type PipeTransform } from '@nestjs/common';
import { RECORD_ID } from '../../../application/shared/record-id';
import { RequestValidationError } from './problem-details';

/** Path ids get the same rule as ids in bodies, so a bad id is a 400 naming the parameter. */
export const recordIdOf = (parameter: string, value: string | undefined): string => {
  if (value === undefined || !RECORD_ID.test(value))
    throw new RequestValidationError([
      {
        field: parameter,
        reason: 'must be 1 to 64 letters, digits, _ or -, starting with a letter or digit',
      },
    ]);
  return value;
};

@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  constructor(private readonly parameter: string) {}

  transform(value: string): string {
    return recordIdOf(this.parameter, value);
  }
}
