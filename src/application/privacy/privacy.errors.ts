import { DomainError } from '../../domain/shared/domain-error';

/** The subject's key was destroyed: nothing new about this person may be written. */
export class CustomerForgotten extends DomainError {
  constructor(readonly customerId: string) {
    super(
      'CUSTOMER_FORGOTTEN',
      'forbidden-transition',
      `customer ${customerId} was forgotten (erasure request): no new personal data can be recorded for them; register the person again under a new customer id if they come back and consent`,
      { customerId },
    );
  }
}
