import { IsOptional, IsString, MaxLength } from 'class-validator';

export class NoopBody {
  /** @example "ping from the DMS integration" */
  @IsOptional() @IsString() @MaxLength(200) note?: string;
}
