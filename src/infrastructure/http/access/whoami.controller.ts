import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { isDealerBound } from '../../../application/access/principal';
import { authenticationOf } from '../../auth/http-authentication';
import { currentRequest } from '../shared/command-context.decorator';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { WhoAmIView } from './whoami.responses';

/**
 * Who the credential says the caller is, so a client (the web app's sign-in) can show what the role may
 * open and which dealer it is held to. It answers only what the credential already proves.
 */
@ApiTags('access')
@Controller('access')
export class WhoAmIController {
  @Get('whoami')
  @Permit('access.whoami')
  @QueryRoute({
    summary: "The caller's user, role and dealer, as the credential says",
    description: 'Any valid credential may ask; the guard has verified it before this answers.',
    type: WhoAmIView,
    badRequest: null,
  })
  whoAmI(@currentRequest() request: FastifyRequest): WhoAmIView {
    const outcome = authenticationOf(request);
    // The guard lets no request through without a principal; this keeps the type honest.
    if (!outcome || !('principal' in outcome)) throw new Error('whoami reached without a principal');
    const { userId, role, dealerId } = outcome.principal;
    return { userId, role, dealerId, dealerBound: isDealerBound(role) };
  }
}
