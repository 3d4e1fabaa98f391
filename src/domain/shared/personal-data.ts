/** The kinds of personal data the CRM holds; each is encrypted with its data subject's own key. */
export type PersonalDataKind = 'name' | 'phone' | 'idNumber' | 'address' | 'plate';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'name',
  'phone',
  'idNumber',
  'address',
  'plate',
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
