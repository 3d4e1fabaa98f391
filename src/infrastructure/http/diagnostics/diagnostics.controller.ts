import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permit } from '../shared/permission.decorator';
import { NoopBody } from './diagnostics.bodies';
import { NoopReply } from './diagnostics.responses';

/**
 * A command-shaped route that does nothing: it goes through the same stack as a command (authentication,
 * permission, rate limit, JSON parsing, validation, error filter) and stops there. Integrators use it to
 * check their credential and connectivity; the benchmark uses it as the framework's ceiling.
 */
@ApiTags('diagnostics')
@Controller('diagnostics')
export class NoopController {
  @Post('noop')
  @HttpCode(200)
  @Permit('diagnostics.noop')
  @ApiOperation({ summary: 'Authenticate and validate a command-shaped request, then do nothing' })
  @ApiOkResponse({ type: NoopReply })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: every bad field with its reason' })
  noop(@Body() _body: NoopBody): NoopReply {
    return { ok: true };
  }
}
