import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { ForgetCustomer } from '../../../domain/privacy/privacy.events';

/** The command's data less the customer id (from the path). No `occurredAt`: a forgetting happens when it is done. */
export class ForgetCustomerBody implements Omit<ForgetCustomer['data'], 'customerId'> {
  /** @example "erasure request under PIPL art. 47" */
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
  /** Your reference of the request (ticket, letter). @example DSR-2026-0042 */
  @IsString() @IsNotEmpty() @MaxLength(100) requestReference!: string;
}
