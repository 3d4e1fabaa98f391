import type { SurveyWeightSet } from '../shared/survey-index';

/** The five CSI factors of the 3-day post-service survey (J.D. Power China). */
export type CsiFactor =
  'service-quality' | 'service-facility' | 'vehicle-pick-up' | 'service-initiation' | 'service-advisor';

export const CSI_FACTORS: readonly CsiFactor[] = [
  'service-quality',
  'service-facility',
  'vehicle-pick-up',
  'service-initiation',
  'service-advisor',
];

export type CsiWeightSet = SurveyWeightSet<CsiFactor>;

/** J.D. Power China 2015 defaults of the domain brief. */
export const DEFAULT_CSI_WEIGHT_SET: CsiWeightSet = {
  version: 'csi-jdp-cn-2015',
  weights: {
    'service-quality': 22,
    'service-facility': 20,
    'vehicle-pick-up': 20,
    'service-initiation': 19,
    'service-advisor': 19,
  },
};
