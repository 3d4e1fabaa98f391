import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { TENANCY_KEY, type Tenancy } from './permission.decorator';
import { assertRecordVisible } from '../../../application/access/tenancy';
import { currentPrincipal } from '../../request-context';

/**
 * Detail routes (`@Permit(…, 'record')`): the record is read first, then refused with 403 when it is
 * another dealer's (or another consultant's prospect), keeping the rule in one place instead of in every
 * query handler. It refuses before the answer is sent, so the access audit (which records only
 * successful answers on their way out, `registerPersonalDataReveal`) records nothing for a refused read.
 */
@Injectable()
export class RecordVisibilityInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const tenancy = this.reflector.getAllAndOverride<Tenancy | undefined>(TENANCY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (tenancy !== 'record') return next.handle();
    return next.handle().pipe(
      map((answer: unknown) => {
        assertRecordVisible(currentPrincipal(), answer);
        return answer;
      }),
    );
  }
}
