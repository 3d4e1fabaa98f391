import {
  CSI_FACTORS,
  type CsiFactor,
  DEFAULT_CSI_WEIGHT_SET,
} from '../../../../src/domain/repair-order/csi-weights';
import {
  addSurvey,
  emptySurveyTally,
  surveyIndex,
  type SurveyTally,
} from '../../../../src/domain/shared/survey-index';
import { DEFAULT_SSI_WEIGHT_SET } from '../../../../src/domain/vehicle-sale/ssi-weights';
import { SSI_FACTORS, type SsiFactor } from '../../../../src/domain/vehicle-sale/vehicle-sale.types';

const SSI_WEIGHTS = DEFAULT_SSI_WEIGHT_SET.weights; // 23, 21, 20, 19, 17
const ssiSums = (...sums: [number, number, number, number, number]): Record<SsiFactor, number> => ({
  'delivery-process': sums[0],
  'sales-initiation': sums[1],
  deal: sums[2],
  'dealer-facility': sums[3],
  salesperson: sums[4],
});
/** Per CSI factor in the weight set's order: quality, facility, pick-up, initiation, advisor. */
const csiScores = (...scores: [number, number, number, number, number]): Record<CsiFactor, number> => ({
  'service-quality': scores[0],
  'service-facility': scores[1],
  'vehicle-pick-up': scores[2],
  'service-initiation': scores[3],
  'service-advisor': scores[4],
});
const tally = (
  surveys: number,
  answerSums: Record<SsiFactor, number>,
  promoters: number,
  detractors: number,
): SurveyTally<SsiFactor> => ({
  surveys,
  answerSums,
  promoters,
  detractors,
  passives: surveys - promoters - detractors,
});

describe('survey tally', () => {
  it('adds the answers per factor and classes would-recommend 9–10, 7–8 and 0–6', () => {
    const recommends = [10, 9, 8, 7, 6, 0];
    let sums = emptySurveyTally(CSI_FACTORS);
    for (const recommend of recommends)
      sums = addSurvey(CSI_FACTORS, sums, csiScores(9, 8, 10, 7, 1), recommend);
    expect(sums).toEqual({
      surveys: 6,
      answerSums: csiScores(54, 48, 60, 42, 6),
      promoters: 2,
      passives: 2,
      detractors: 2,
    });
  });
});

describe('survey index: factor index and NPS to two decimals, the index whole, halves away from zero', () => {
  it('keeps two decimals where the old SSI rule cut them (933 and 33.3)', () => {
    // Three surveys (10, 9, 8, 9, 10; 10), (8, 7, 6, 8, 9; 6), (9, 8, 7, 10, 9; 9): sums 27, 24, 21, 27, 28.
    // Factor indices 2700/3 = 900, 800, 700, 900 and 2800/3 = 933.333… → 933.33 (SSI v1: 933).
    // Index (23×27 + 21×24 + 20×21 + 19×27 + 17×28) / 3 = (621 + 504 + 420 + 513 + 476) / 3 = 2534 / 3
    // = 844.67 → 845. NPS (2 − 1) × 100 / 3 = 33.333… → 33.33 (SSI v1: 33.3).
    expect(surveyIndex(SSI_FACTORS, tally(3, ssiSums(27, 24, 21, 27, 28), 2, 1), SSI_WEIGHTS)).toEqual({
      factorIndex: ssiSums(900, 800, 700, 900, 933.33),
      weightedIndex: 845,
      nps: 33.33,
    });
  });

  it('rounds an exact half away from zero, a negative NPS too (where CSI v1 gave −3.12 and SSI v1 −3.1)', () => {
    // 32 surveys, sums 33, 35, 320, 100, 110: factor indices 3300/32 = 103.125 → 103.13, 109.375 → 109.38,
    // 1000, 312.5, 343.75. Index: 23×33 + 21×35 + 20×320 + 19×100 + 17×110 = 759 + 735 + 6400 + 1900 + 1870
    // = 11664; 11664 / 32 = 364.5 → 365. 10 promoters, 11 detractors: −100 / 32 = −3.125 → −3.13.
    const sums = ssiSums(33, 35, 320, 100, 110);
    expect(surveyIndex(SSI_FACTORS, tally(32, sums, 10, 11), SSI_WEIGHTS)).toEqual({
      factorIndex: ssiSums(103.13, 109.38, 1000, 312.5, 343.75),
      weightedIndex: 365,
      nps: -3.13,
    });
    // The mirror: 11 promoters, 10 detractors: +3.125 → 3.13.
    expect(surveyIndex(SSI_FACTORS, tally(32, sums, 11, 10), SSI_WEIGHTS).nps).toBe(3.13);
  });

  it('gives 0, never −0, for an NPS that rounds to nothing', () => {
    // 20,001 surveys, one detractor more than promoters: −100 / 20001 = −0.004999… → 0. All answers 7: 700.
    const sevens = 7 * 20_001;
    const index = surveyIndex(
      SSI_FACTORS,
      tally(20_001, ssiSums(sevens, sevens, sevens, sevens, sevens), 100, 101),
      SSI_WEIGHTS,
    );
    expect(index.nps).toBe(0);
    expect(index.weightedIndex).toBe(700);
  });

  it('scores CSI by the same rule with its own weights', () => {
    // Two surveys (10, 9, 9, 8, 10; 10) and (8, 8, 7, 9, 8; 7): sums 18, 17, 16, 17, 18; indices 900, 850,
    // 800, 850, 900. (22×18 + 20×17 + 20×16 + 19×17 + 19×18) / 2 = (396 + 340 + 320 + 323 + 342) / 2
    // = 1721 / 2 = 860.5 → 861. One promoter, one passive: 100 / 2 = 50.
    const first = addSurvey(CSI_FACTORS, emptySurveyTally(CSI_FACTORS), csiScores(10, 9, 9, 8, 10), 10);
    const both = addSurvey(CSI_FACTORS, first, csiScores(8, 8, 7, 9, 8), 7);
    expect(surveyIndex(CSI_FACTORS, both, DEFAULT_CSI_WEIGHT_SET.weights)).toEqual({
      factorIndex: csiScores(900, 850, 800, 850, 900),
      weightedIndex: 861,
      nps: 50,
    });
  });
});
