import { DomainError } from './domain-error';

/** The two surveys a callback brings: SSI after a delivery, CSI after a service. */
export type SurveyKind = 'ssi' | 'csi';

/** A survey factor answered at most this (of 10) is a dissatisfied answer: it opens a follow-up task. */
export const DISSATISFIED_AT_MOST = 6;

export const isDissatisfied = (answers: Readonly<Record<string, number>>): boolean =>
  Object.values(answers).some((answer) => answer <= DISSATISFIED_AT_MOST);

/**
 * The coded reasons a customer gives for being unhappy (不满意原因), one catalogue per version, each
 * survey kind with its own codes. A code keeps its meaning across versions; a new version may add codes or
 * retire some (a survey records the version it was coded with, so old counts keep their meaning).
 */
export type UnhappyReasonCatalogue = Readonly<{
  version: string;
  reasons: Readonly<Record<SurveyKind, Readonly<Record<string, string>>>>;
}>;

export const UNHAPPY_REASON_CATALOGUES: readonly UnhappyReasonCatalogue[] = [
  {
    version: 'unhappy-2026-1',
    reasons: {
      ssi: {
        'delivery-late': '交车延迟 delivery later than promised',
        'vehicle-condition': '车况问题 vehicle not in the condition expected at handover',
        paperwork: '手续繁琐 paperwork, licence or insurance slow',
        'price-or-terms': '价格条款 price, discount or finance terms not as agreed',
        'consultant-attitude': '顾问态度 sales consultant attitude',
        'not-explained': '讲解不清 features or warranty not explained',
        facility: '展厅环境 showroom facility',
      },
      csi: {
        'waiting-time': '等待时间长 waited too long',
        'not-fixed': '一次未修复 not fixed right the first time',
        price: '价格高 price higher than expected or not explained',
        'advisor-attitude': '顾问态度 service advisor attitude',
        'not-informed': '沟通不足 not kept informed of the work',
        'promised-time-missed': '未按时交车 vehicle not ready at the promised time',
        'vehicle-dirty': '车辆不洁 vehicle returned dirty or damaged',
        facility: '休息区环境 customer lounge and facility',
      },
    },
  },
];

export const currentReasonCatalogue = (): UnhappyReasonCatalogue =>
  UNHAPPY_REASON_CATALOGUES[UNHAPPY_REASON_CATALOGUES.length - 1];

/** A label for a code, from the newest catalogue that has it. */
export const reasonLabel = (kind: SurveyKind, code: string): string | null => {
  for (const catalogue of [...UNHAPPY_REASON_CATALOGUES].reverse())
    if (catalogue.reasons[kind][code] !== undefined) return catalogue.reasons[kind][code];
  return null;
};

export class UnhappyReasonUnknown extends DomainError {
  constructor(kind: SurveyKind, unknown: readonly string[], version: string) {
    const known = Object.keys(currentReasonCatalogue().reasons[kind]);
    super(
      'SURVEY_REASON_UNKNOWN',
      'forbidden-transition',
      `${kind.toUpperCase()} unhappy reasons ${unknown.join(', ')} are not in catalogue ${version}: use ${known.join(', ')}`,
      { unknown, known, catalogueVersion: version },
    );
  }
}

/** The reasons as recorded: known codes of the current catalogue, each once, in code order. */
export const codedReasons = (
  kind: SurveyKind,
  reasons: readonly string[] | undefined,
): Readonly<{ unhappyReasons: string[]; reasonCatalogueVersion: string | null }> => {
  if (!reasons || reasons.length === 0) return { unhappyReasons: [], reasonCatalogueVersion: null };
  const catalogue = currentReasonCatalogue();
  const unknown = reasons.filter((code) => catalogue.reasons[kind][code] === undefined);
  if (unknown.length > 0) throw new UnhappyReasonUnknown(kind, [...new Set(unknown)], catalogue.version);
  return { unhappyReasons: [...new Set(reasons)].sort(), reasonCatalogueVersion: catalogue.version };
};
