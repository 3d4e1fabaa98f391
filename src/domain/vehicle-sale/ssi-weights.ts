import type { SsiFactor } from './vehicle-sale.types';

/** Weights in percent, summing to 100. A survey stores the set it was scored with, so a new set never rewrites history. */
export type SsiWeightSet = Readonly<{ version: string; weights: Readonly<Record<SsiFactor, number>> }>;

/** J.D. Power China 2015 defaults of the domain brief. */
export const DEFAULT_SSI_WEIGHT_SET: SsiWeightSet = {
  version: 'ssi-jdp-cn-2015',
  weights: {
    'delivery-process': 23,
    'sales-initiation': 21,
    deal: 20,
    'dealer-facility': 19,
    salesperson: 17,
  },
};
