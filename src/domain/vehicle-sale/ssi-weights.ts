import type { SurveyWeightSet } from '../shared/survey-index';
import type { SsiFactor } from './vehicle-sale.types';

export type SsiWeightSet = SurveyWeightSet<SsiFactor>;

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
