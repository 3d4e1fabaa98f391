/** The kinds of personal data the CRM holds; each is encrypted with its data subject's own key. */
/** `birthday`: a club member's month and day (`MM-DD`, never the year), docs/care.md "Birthday reminders". */
export type PersonalDataKind = 'name' | 'phone' | 'idNumber' | 'address' | 'plate' | 'birthday';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'name',
  'phone',
  'idNumber',
  'address',
  'plate',
  'birthday',
];

/**
 * Which fields of an event hold personal data, and whose. Declared next to each aggregate's events table,
 * so adding a field to an event and forgetting to declare it is caught by a unit test over the catalog.
 * Paths use dots for nesting (`customer.phone`); `subject` is the path of the data subject's id.
 */
export type PersonalDataDeclaration = Readonly<{
  subject: string;
  fields: Readonly<Record<string, PersonalDataKind>>;
  /** The first schema version whose values are protected; older events hold them in clear. */
  since: number;
}>;
