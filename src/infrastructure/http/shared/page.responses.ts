import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The schema of a page of `item`s. Written by hand because the compiler plugin cannot read a generic;
 * every other response schema comes from its class's types.
 */
export const PageOf = <T>(item: Type<T>) => {
  class Page {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: 'How many matched, over all pages.', example: 1 }) total!: number;
    @ApiProperty({ example: 50 }) limit!: number;
    @ApiProperty({ example: 0 }) offset!: number;
  }
  return Page;
};

/** A page of a long list: `PageOf`, and the cursor of the page after it. */
export const ListPageOf = <T>(item: Type<T>) => {
  class ListPage extends PageOf(item) {
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Send as `after` for the next page; null on the last page.',
      example: 'k1.WyIyMDI2LTAzLTIwVDAxOjAwOjAwLjAwMFoiLCJwMTIiXQ',
    })
    next!: string | null;
  }
  return ListPage;
};
