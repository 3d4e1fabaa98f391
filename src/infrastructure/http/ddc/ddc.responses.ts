import { ApiProperty } from '@nestjs/swagger';
import {
  DDC_FIGURES,
  type DdcFigure,
  type DdcFigureColumn,
  type DdcMonthly,
} from '../../../application/ddc/ddc.queries';
import type { DdcCell, DdcDirection } from '../../../domain/ddc/ddc-ranking';

export class DdcCellView implements DdcCell {
  /** @example d-sh-01 */
  dealerId!: string;
  /** The figure; "<5" when it is about fewer than 5 customers (never the count); null when the dealer has none. */
  // The plugin reads a union of a number and a literal as `object`: the shapes are spelt out here.
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string', enum: ['<5'] }], nullable: true })
  value!: number | '<5' | null;
  /** 1 = best, ties share the rank and the next skips (1, 1, 3); computed on the true value; null without a value. @example 1 */
  rank!: number | null;
}

export class DdcFigureView implements DdcFigureColumn {
  @ApiProperty({ enum: DDC_FIGURES })
  figure!: DdcFigure;
  @ApiProperty({ enum: ['higher-is-better', 'lower-is-better'] })
  direction!: DdcDirection;
  /** Median of the true values over the dealers that have one (mean of the two middle ones for an even count). @example 0.5 */
  median!: number | null;
  /** Why the figure is not computed yet (every cell null), or null when it is. @example null */
  unavailable!: string | null;
  cells!: DdcCellView[];
}

export class DdcMonthlyView implements DdcMonthly {
  /** @example 2026-03 */
  month!: string;
  /** Every dealer with a fact in any of the figures' read models that month. @example ["d-sh-01"] */
  dealers!: string[];
  figures!: DdcFigureView[];
}
