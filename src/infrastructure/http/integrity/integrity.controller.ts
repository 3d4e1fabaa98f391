import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IntegrityService } from '../../../application/integrity/integrity.service';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { StoreIntegrityView, StreamIntegrityView } from './integrity.responses';

const STREAM_ID = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

@ApiTags('integrity')
@Controller('integrity')
export class IntegrityController {
  constructor(private readonly integrity: IntegrityService) {}

  @Get('streams/:streamId')
  @Permit('integrity.verify')
  @QueryRoute({
    summary: 'Verify the hash chain of one stream',
    description:
      'Every event carries a SHA-256 of its content chained to the previous event of its stream. Reports the first event whose hash, or link, does not match.',
    type: StreamIntegrityView,
    notFound: 'ROUTE_NOT_FOUND: not a stream id (category-id), or a stream with no events',
    badRequest: null,
  })
  async stream(@Param('streamId') streamId: string) {
    if (!STREAM_ID.test(streamId))
      throw new NotFoundException(`no stream ${streamId}: stream ids are category-id`);
    const report = await this.integrity.verifyStream(streamId);
    if (report.eventsChecked === 0) throw new NotFoundException(`stream ${streamId} has no events`);
    return report;
  }

  @Post('verify')
  @Permit('integrity.verify')
  @HttpCode(200)
  @QueryRoute({
    summary: 'Verify the hash chains of all streams',
    description: 'Reads every event once in global order; reports the first break of each broken stream.',
    type: StoreIntegrityView,
    badRequest: null,
  })
  verifyAll() {
    return this.integrity.verifyAll();
  }
}
