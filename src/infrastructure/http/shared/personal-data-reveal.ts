import type { FastifyInstance } from 'fastify';
import type { FileAccessRecorder } from '../../../application/privacy/file-access-recorder';
import { type PersonalDataRevealer, subjectsIn } from '../../../application/privacy/personal-data-revealer';
import { currentPrincipal } from '../../request-context';
import type { CommandContextFactory } from './command-context.factory';
import { fileAccessOf, fileOpeningOf } from './file-access.decorator';

/**
 * Every JSON answer passes here on its way out (Fastify's `preSerialization`, for every object a route,
 * a filter or a plugin sends): protected values become what the caller's role may see (docs/privacy.md).
 * On routes marked `@RecordsFileAccess()`, a successful answer's opening is recorded first, so no
 * person's data leaves the server without a trace; if recording fails, the request fails (the error goes
 * through Nest's error handler and the problem filter). A refused read (403 by the record's visibility,
 * any error) records nothing. Answers that are text (CSV exports) reveal their rows explicitly before
 * they are serialised.
 *
 * A hook rather than a global Nest interceptor (issue 14 §6): a global interceptor puts every route's
 * answer through an RxJS chain and two async-resource bindings, ~15% of the no-op route's server CPU.
 */
export const registerPersonalDataReveal = (
  fastify: FastifyInstance,
  revealer: PersonalDataRevealer,
  recorder: FileAccessRecorder,
  contexts: CommandContextFactory,
): void => {
  fastify.addHook('preSerialization', async (request, reply, payload: unknown) => {
    const access = fileAccessOf(request);
    if (access && reply.statusCode < 400) {
      const subjects = subjectsIn(payload);
      // An answer with nobody's data in it opens no one's file.
      if (subjects.length > 0) {
        const params = (request.params ?? {}) as Record<string, string>;
        const opening = fileOpeningOf(contexts, request, access.reason);
        await recorder.record(opening, subjects, Object.values(params)[0] ?? null);
      }
    }
    return revealer.reveal(payload, currentPrincipal());
  });
};
