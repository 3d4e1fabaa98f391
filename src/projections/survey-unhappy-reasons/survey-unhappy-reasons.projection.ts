import type { CsiSurveyRecorded } from '../../domain/repair-order/repair-order.events';
import { businessMonthOf } from '../../domain/shared/time';
import { isDissatisfied, type SurveyKind } from '../../domain/shared/unhappy-reasons';
import type { DeliveryCallbackRecorded } from '../../domain/vehicle-sale/vehicle-sale.events';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

/**
 * Per survey kind, dealer and CST month of the survey: surveys, dissatisfied ones (a factor answered 6 or
 * less) and the count of each coded unhappy reason (不满意原因分析).
 */
export type SurveyUnhappyReasons = {
  survey: SurveyKind;
  dealerId: string;
  month: string;
  surveys: number;
  dissatisfied: number;
  /** Surveys naming each reason code. */
  reasons: Record<string, number>;
  /** The catalogue versions the reasons were coded with. */
  catalogueVersions: string[];
};

type Handled = DeliveryCallbackRecorded | CsiSurveyRecorded;

const surveyOf = (
  event: Envelope<Handled>,
): Readonly<{ kind: SurveyKind; answers: Readonly<Record<string, number>>; at: string }> | null => {
  if (event.type === 'CsiSurveyRecorded')
    return { kind: 'csi', answers: event.data.answers, at: event.data.surveyedAt };
  return event.data.survey
    ? { kind: 'ssi', answers: event.data.survey.answers, at: event.data.calledAt }
    : null;
};

export const surveyUnhappyReasonsProjection: ProjectionDefinition<Handled, SurveyUnhappyReasons> = {
  name: 'survey-unhappy-reasons',
  version: 1,
  collection: 'survey_unhappy_reasons',
  indexes: [['month'], ['dealerId', 'month']],
  handles: ['DeliveryCallbackRecorded', 'CsiSurveyRecorded'],
  documentIds: (event) => {
    const survey = surveyOf(event);
    return survey ? [`${survey.kind}|${event.data.dealerId}|${businessMonthOf(survey.at)}`] : [];
  },
  apply: (doc, event) => {
    const survey = surveyOf(event)!;
    const current: SurveyUnhappyReasons = doc ?? {
      survey: survey.kind,
      dealerId: event.data.dealerId,
      month: businessMonthOf(survey.at),
      surveys: 0,
      dissatisfied: 0,
      reasons: {},
      catalogueVersions: [],
    };
    const reasons = { ...current.reasons };
    for (const code of event.data.unhappyReasons ?? []) reasons[code] = (reasons[code] ?? 0) + 1;
    const version = event.data.reasonCatalogueVersion;
    return {
      ...current,
      surveys: current.surveys + 1,
      dissatisfied: current.dissatisfied + (isDissatisfied(survey.answers) ? 1 : 0),
      reasons,
      catalogueVersions:
        version && !current.catalogueVersions.includes(version)
          ? [...current.catalogueVersions, version].sort()
          : current.catalogueVersions,
    };
  },
};
