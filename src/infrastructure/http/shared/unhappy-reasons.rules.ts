import { ArrayMaxSize, IsArray, IsOptional, Matches } from 'class-validator';
import { RECORD_ID } from '../../../application/shared/record-id';

/** At most this many coded reasons on one survey: a catalogue has fewer codes than that. */
const MAX_REASONS = 10;

/**
 * The coded unhappy reasons of a survey (docs/care.md): an optional list of codes; a code the catalogue
 * does not know is the domain's 422 `SURVEY_REASON_UNKNOWN`, which lists the known ones.
 */
export const UnhappyReasonsRules = (): PropertyDecorator => (target, key) => {
  for (const decorate of [
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_REASONS),
    Matches(RECORD_ID, {
      each: true,
      message: 'each of $property must be a reason code such as waiting-time',
    }),
  ])
    decorate(target, key);
};
