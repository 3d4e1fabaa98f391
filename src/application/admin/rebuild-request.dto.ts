import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

const NAME = /^[a-z][a-z0-9-]{0,79}$/;

/** `{"projections": ["prospect-details", ...]}` or `{"projections": "all"}`. */
export class RebuildRequestDto {
  @ApiProperty({
    description: 'Projection names (see GET /admin/projections), or "all".',
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['all'] },
    ],
    example: ['sales-funnel-entries', 'ssi-monthly'],
  })
  @ValidateBy({
    name: 'isProjectionList',
    validator: {
      validate: (value: unknown) =>
        value === 'all' ||
        (Array.isArray(value) &&
          value.length > 0 &&
          value.length <= 100 &&
          value.every((name) => typeof name === 'string' && NAME.test(name))),
      defaultMessage: () =>
        'projections must be "all" or a non-empty array of projection names (kebab-case, see GET /admin/projections)',
    },
  })
  projections!: string[] | 'all';
}
