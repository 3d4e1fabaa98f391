import { ReadModelDroppedError } from '../../../src/application/ports/read-store.port';
import { StoreUnavailableError } from '../../../src/application/ports/event-store.port';
import { problemFromError } from '../../../src/infrastructure/http/shared/problem-details';

describe('problems a client can act on', () => {
  it('answers a read model switched under a read with 503 READ_MODEL_SWITCHED: read again', () => {
    expect(problemFromError(new ReadModelDroppedError('complaint_details__g2', 120))).toMatchObject({
      status: 503,
      code: 'READ_MODEL_SWITCHED',
      details: { collection: 'complaint_details__g2', documentsRead: 120 },
    });
  });

  it('answers a store that is down with 503 STORE_UNAVAILABLE, and an unexpected error with 500', () => {
    expect(problemFromError(new StoreUnavailableError('event store', 'timed out'))).toMatchObject({
      status: 503,
      code: 'STORE_UNAVAILABLE',
    });
    expect(problemFromError(new Error('boom'))).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it("answers a URL Fastify cannot decode with 400 MALFORMED_URL, not Fastify's own JSON", () => {
    const badUrl = Object.assign(new Error("'/c/%E0%A4%A' is not a valid url component"), {
      statusCode: 400,
      code: 'FST_ERR_BAD_URL',
    });
    expect(problemFromError(badUrl)).toMatchObject({ status: 400, code: 'MALFORMED_URL' });
  });
});
