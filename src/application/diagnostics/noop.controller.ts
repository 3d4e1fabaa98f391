import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';

export class NoopDto {
  @ApiProperty({ required: false, example: 'ping from the DMS integration' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

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
  @ApiOkResponse({ description: '{ ok: true }' })
  noop(@Body() _body: NoopDto): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [NoopController] })
export class DiagnosticsModule {}
