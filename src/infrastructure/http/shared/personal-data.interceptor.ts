import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { currentPrincipal } from '../../request-context';
import { CommandContextFactory } from './command-context.factory';
import { accessReasonOf, fileOpeningOf, RECORDS_FILE_ACCESS } from './file-access.decorator';
import { FileAccessRecorder } from '../../../application/privacy/file-access-recorder';
import { PersonalDataRevealer, subjectsIn } from '../../../application/privacy/personal-data-revealer';

/**
 * Every JSON answer passes here on its way out: protected values become what the caller's role may see
 * (docs/privacy.md). On routes marked `@RecordsFileAccess()`, the opening is recorded first, so no
 * person's data leaves the server without a trace; if recording fails, the request fails.
 * Answers that are text (CSV exports) reveal their rows explicitly before they are serialised.
 */
@Injectable()
export class PersonalDataInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly revealer: PersonalDataRevealer,
    private readonly recorder: FileAccessRecorder,
    private readonly contexts: CommandContextFactory,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const audited = this.reflector.get<boolean>(RECORDS_FILE_ACCESS, context.getHandler()) === true;
    // Validated before the handler runs, so a bad header costs nothing.
    const reason = audited ? accessReasonOf(request, false) : null;
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const subjects = audited ? subjectsIn(body) : [];
        // An answer with nobody's data in it opens no one's file.
        if (subjects.length > 0) {
          const params = (request.params ?? {}) as Record<string, string>;
          const opening = fileOpeningOf(this.contexts, request, reason);
          await this.recorder.record(opening, subjects, Object.values(params)[0] ?? null);
        }
        return this.revealer.reveal(body, currentPrincipal());
      }),
    );
  }
}
