import type { Command, Decider, Event } from '../shared/event';

/**
 * The record that a person was forgotten: who asked (actor in the metadata), when, why and the request's
 * reference. It holds no personal data, so it outlives the key it reports destroyed.
 */
export type CustomerForgottenEvent = Event<
  'CustomerForgotten',
  { customerId: string; reason: string; requestReference: string; forgottenAt: string }
>;

/** Someone opened a record that shows this person's data (who: the actor in the metadata). */
export type CustomerFileOpened = Event<
  'CustomerFileOpened',
  {
    customerId: string;
    /** Why, from `X-Access-Reason`; required for the full file, optional on single records. */
    reason: string | null;
    /** The route template and the record it showed (`GET /prospects/:prospectId`, its id). */
    route: string;
    recordId: string | null;
    at: string;
  }
>;

export type PrivacyEvent = CustomerForgottenEvent | CustomerFileOpened;

export const DATA_SUBJECT_EVENT_TYPES = { CustomerForgotten: 1 } as const satisfies Record<
  CustomerForgottenEvent['type'],
  number
>;
export const FILE_ACCESS_EVENT_TYPES = { CustomerFileOpened: 1 } as const satisfies Record<
  CustomerFileOpened['type'],
  number
>;

export const dataSubjectStreamId = (customerId: string): string => `datasubject-${customerId}`;
export const fileAccessStreamId = (customerId: string): string => `fileaccess-${customerId}`;

export type ForgetCustomer = Command<
  'ForgetCustomer',
  { customerId: string; reason: string; requestReference: string }
>;

export type DataSubjectState =
  Readonly<{ status: 'known' }> | Readonly<{ status: 'forgotten'; forgottenAt: string }>;

/** Forgetting is recorded once; asking again is harmless and appends nothing. */
export const dataSubjectDecider: Decider<DataSubjectState, ForgetCustomer, CustomerForgottenEvent> = {
  initialState: () => ({ status: 'known' }),
  evolve: (_state, event) => ({ status: 'forgotten', forgottenAt: event.data.forgottenAt }),
  decide: (command, state) =>
    state.status === 'forgotten'
      ? []
      : [{ type: 'CustomerForgotten', data: { ...command.data, forgottenAt: command.metadata.now } }],
};

export type RecordFileOpening = Command<
  'RecordFileOpening',
  { customerId: string; reason: string | null; route: string; recordId: string | null }
>;

/** Every opening is a new fact: the stream is only appended to. */
export const fileAccessDecider: Decider<null, RecordFileOpening, CustomerFileOpened> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (command) => [{ type: 'CustomerFileOpened', data: { ...command.data, at: command.metadata.now } }],
};
