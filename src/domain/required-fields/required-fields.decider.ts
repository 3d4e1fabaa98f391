import type { Command, Decider, Event } from '../shared/event';
import {
  DEFAULT_REQUIRED_FIELDS,
  isFieldOf,
  isRecordType,
  KNOWN_FIELDS,
  RECORD_TYPES,
  type RecordType,
} from './required-fields.catalogue';
import {
  RequiredFieldsEmpty,
  RequiredFieldsFactOutOfOrder,
  RequiredFieldsUnchanged,
  RequiredFieldsUnknownField,
  RequiredFieldsUnknownRecordType,
} from './required-fields.errors';

/**
 * The network's required-field sets, one stream for every record type: each setting of one record type is
 * its next version (1, 2, ...), in force from its business time; version 0 is the catalogue's default.
 */
export type RequiredFieldsSet = Event<
  'RequiredFieldsSet',
  Readonly<{ recordType: RecordType; version: number; fields: string[]; reason: string; setAt: string }>
>;

/** `recordType` and `fields` as sent: the decider, not the edge, knows which exist. */
export type SetRequiredFields = Command<
  'SetRequiredFields',
  Readonly<{ recordType: string; fields: readonly string[]; reason: string }>
>;

export type RequiredFieldsVersion = Readonly<{
  version: number;
  fields: readonly string[];
  setAt: string | null;
}>;
export type RequiredFieldsState = Readonly<Record<RecordType, RequiredFieldsVersion>>;

export const REQUIRED_FIELDS_EVENT_TYPES = { RequiredFieldsSet: 1 } as const satisfies Record<
  RequiredFieldsSet['type'],
  number
>;

export const REQUIRED_FIELDS_STREAM_ID = 'requiredfields-network';

const initialState = (): RequiredFieldsState =>
  Object.fromEntries(
    RECORD_TYPES.map((type) => [type, { version: 0, fields: DEFAULT_REQUIRED_FIELDS[type], setAt: null }]),
  ) as RequiredFieldsState;

/** The fields in the catalogue's order, each once: two sets with the same fields are the same set. */
const canonical = (recordType: RecordType, fields: readonly string[]): string[] =>
  (KNOWN_FIELDS[recordType] as readonly string[]).filter((field) => fields.includes(field));

const setRequiredFields = (command: SetRequiredFields, state: RequiredFieldsState): RequiredFieldsSet[] => {
  const { recordType, fields, reason } = command.data;
  const { now } = command.metadata;
  if (!isRecordType(recordType)) throw new RequiredFieldsUnknownRecordType(recordType);
  const unknown = fields.filter((field) => !isFieldOf(recordType, field));
  if (unknown.length > 0) throw new RequiredFieldsUnknownField(recordType, [...new Set(unknown)]);
  if (fields.length === 0) throw new RequiredFieldsEmpty(recordType);
  const current = state[recordType];
  // Versions follow business time, so "the version in force at t" is the latest one set by t.
  if (current.setAt !== null && Date.parse(now) < Date.parse(current.setAt))
    throw new RequiredFieldsFactOutOfOrder(recordType, now, current.setAt);
  const next = canonical(recordType, fields);
  if (next.join() === canonical(recordType, current.fields).join())
    throw new RequiredFieldsUnchanged(recordType, current.version);
  return [
    {
      type: 'RequiredFieldsSet',
      data: { recordType, version: current.version + 1, fields: next, reason, setAt: now },
    },
  ];
};

export const requiredFieldsDecider: Decider<RequiredFieldsState, SetRequiredFields, RequiredFieldsSet> = {
  initialState,
  evolve: (state, event) => ({
    ...state,
    [event.data.recordType]: {
      version: event.data.version,
      fields: event.data.fields,
      setAt: event.data.setAt,
    },
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'SetRequiredFields':
        return setRequiredFields(command, state);
      default: {
        const unreachable: never = command.type;
        return unreachable;
      }
    }
  },
};
