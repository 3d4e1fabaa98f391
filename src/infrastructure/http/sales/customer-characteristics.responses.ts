import { ApiProperty } from '@nestjs/swagger';
import type {
  CharacteristicCell,
  CustomerCharacteristics,
  CustomerCount,
  CustomerPopulation,
  ProvinceCell,
} from '../../../application/sales/customer-characteristics';

const COUNT = { oneOf: [{ type: 'number' }, { type: 'string', enum: ['<5'] }] };

/** The answer of `GET /sales/customer-characteristics`: counts only, "<5" below five customers. */
export class CharacteristicCellView implements CharacteristicCell {
  /** The dimension's value (a model, a channel, a payment type, `first` or `repeat`; `unknown` when not on record). @example ID.4 */
  value!: string;
  /** Distinct customers; "<5" when fewer than 5. @example 7 */
  @ApiProperty(COUNT)
  customers!: CustomerCount;
}

export class ProvinceCellView extends CharacteristicCellView implements ProvinceCell {
  /** The province-level division's name; null for `unknown`. @example 上海 */
  name!: string | null;
}

export class CustomerPopulationView implements CustomerPopulation {
  /** Distinct customers; "<5" when fewer than 5. @example 12 */
  @ApiProperty(COUNT)
  customers!: CustomerCount;
  /** Distinct vehicles (delivered sales; VINs in service), "<5" with the customers. @example 13 */
  @ApiProperty(COUNT)
  vehicles!: CustomerCount;
  byModel!: CharacteristicCellView[];
  /** The enquiry channel of the prospect the vehicle was sold to. */
  byChannel!: CharacteristicCellView[];
  /** cash, loan or lease. */
  byPayment!: CharacteristicCellView[];
  /** `repeat`: the customer has two or more delivered vehicles by the last month; else `first`. */
  byRepeat!: CharacteristicCellView[];
  /**
   * Age band at ordering (`under-18`, `18-24`, `25-34`, `35-44`, `45-54`, `55-64`, `65+`), youngest first;
   * `unknown` (last) for a sale without a resident ID number. Derived once from the ID number on ordering.
   */
  byAgeBand!: CharacteristicCellView[];
  /**
   * Province-level code of the buyer's resident ID number (its first two digits, e.g. `31`), by code;
   * `unknown` (last) without one.
   */
  byProvince!: ProvinceCellView[];
}

export class CustomerCharacteristicsView implements CustomerCharacteristics {
  /** @example 2026-01 */
  from!: string;
  /** @example 2026-03 */
  to!: string;
  /** Null: the network. */
  dealerId!: string | null;
  /** A cell about fewer customers than this shows "<5". @example 5 */
  suppressedBelow!: number;
  /** Customers with a vehicle delivered in the months. */
  buyers!: CustomerPopulationView;
  /** Customers with a vehicle whose repair order was settled in the months. */
  owners!: CustomerPopulationView;
}
