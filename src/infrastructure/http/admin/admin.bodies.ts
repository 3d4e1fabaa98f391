import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

const NAME = /^[a-z][a-z0-9-]{0,79}$/;

const isProjectionList = (value: unknown): boolean =>
  value === 'all' ||
  (Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 100 &&
    value.every((name) => typeof name === 'string' && NAME.test(name)));

/** `{"projections": ["prospect-details", ...]}` or `{"projections": "all"}`. */
export class RebuildRequestBody {
  /**
   * Projection names (see GET /admin/projections), or "all".
   * @example ["sales-funnel-entries", "ssi-monthly"]
   */
  // The plugin reads a union of an array and a literal as `object`: the two shapes are spelt out here.
  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['all'] },
    ],
  })
  @ValidateBy({
    name: 'isProjectionList',
    validator: {
      validate: isProjectionList,
      defaultMessage: () =>
        'projections must be "all" or a non-empty array of projection names (kebab-case, see GET /admin/projections)',
    },
  })
  projections!: string[] | 'all';
}
