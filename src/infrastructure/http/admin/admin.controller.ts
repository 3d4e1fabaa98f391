import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '../../../domain/shared/domain-error';
import { ProjectionEngine, UnknownProjection } from '../../projections/projection-engine';
import { RebuildAlreadyRunning, type RebuildJob } from '../../projections/rebuild-jobs';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { RebuildRequestBody } from './admin.bodies';
import { ProjectionList, RebuildJobView } from './admin.responses';

const REBUILD_ID = /^[0-9a-f-]{36}$/;

const rebuildNotFound = (id: string) =>
  new DomainError(
    'REBUILD_NOT_FOUND',
    'not-found',
    `no rebuild ${id} in this process: rebuilds started by the CLI or before a restart are seen in GET /admin/projections`,
    { rebuildId: id },
  );

/** The engine's refusals as the problems the API documents. */
const asProblem = (error: unknown): unknown => {
  if (error instanceof UnknownProjection)
    return new DomainError('PROJECTION_NOT_FOUND', 'not-found', error.message, {
      projection: error.projection,
      known: error.known,
    });
  if (error instanceof RebuildAlreadyRunning)
    return new DomainError('REBUILD_ALREADY_RUNNING', 'already-exists', error.message, {
      rebuildId: error.rebuildId,
      projections: error.projections,
    });
  return error;
};

@ApiTags('admin')
@Controller('admin/projections')
export class AdminProjectionsController {
  constructor(private readonly engine: ProjectionEngine) {}

  @Get()
  @Permit('admin.read')
  @QueryRoute({
    summary: 'List the projections',
    description:
      'Each projection with its deployed version, state (running, rebuilding, stale, failed, stopped), live generation and its checkpoint, the generation being built if any, and lag in events and milliseconds.',
    type: ProjectionList,
    badRequest: null,
  })
  async list(): Promise<ProjectionList> {
    return { projections: await this.engine.listProjections() };
  }

  @Post('rebuilds')
  @Permit('admin.rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start a blue/green rebuild',
    description:
      'Builds a new generation of each named projection beside the live one, while queries keep reading the live one; at the head of the log the new generation is indexed and switched to atomically, and the old one is dropped a few seconds later. A rebuild of the same projections that was stopped or interrupted resumes from its own checkpoint.',
  })
  @ApiAcceptedResponse({
    type: RebuildJobView,
    description: 'The rebuild id and its first progress; watch it at GET /admin/projections/rebuilds/{id}.',
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: `projections` is neither "all" nor a list of names',
  })
  @ApiNotFoundResponse({ description: 'PROJECTION_NOT_FOUND: a name is not a registered projection' })
  @ApiConflictResponse({ description: 'REBUILD_ALREADY_RUNNING: one of them is being rebuilt already' })
  async start(@Body() body: RebuildRequestBody): Promise<RebuildJob> {
    try {
      return await this.engine.startRebuild(body.projections);
    } catch (error) {
      throw asProblem(error);
    }
  }

  @Get('rebuilds/:id')
  @Permit('admin.read')
  @QueryRoute({
    summary: 'Progress of a rebuild',
    description:
      'State (building, indexing, switching, done, stopped, failed), events done of the total, rate in events per second, estimated time left, and the error of a failed one (or, for a stopped one, why another rebuild superseded it).',
    type: RebuildJobView,
    notFound: 'REBUILD_NOT_FOUND',
    badRequest: null,
  })
  async progress(@Param('id') id: string): Promise<RebuildJob> {
    const job = REBUILD_ID.test(id) ? await this.engine.rebuildJob(id) : null;
    if (!job) throw rebuildNotFound(id);
    return job;
  }

  @Delete('rebuilds/:id')
  @Permit('admin.rebuild')
  @ApiOperation({
    summary: 'Stop a rebuild',
    description:
      'Commits what was applied and stops; the live generation keeps serving. Starting a rebuild of the same projections resumes from where this one stopped.',
  })
  @ApiOkResponse({
    type: RebuildJobView,
    description: 'The rebuild as it stopped (state `stopped`, or `done` if it had finished).',
  })
  @ApiNotFoundResponse({ description: 'REBUILD_NOT_FOUND' })
  async stop(@Param('id') id: string): Promise<RebuildJob> {
    const job = REBUILD_ID.test(id) ? await this.engine.stopRebuild(id) : null;
    if (!job) throw rebuildNotFound(id);
    return job;
  }
}
