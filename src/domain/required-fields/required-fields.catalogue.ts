/**
 * The record types whose completeness is measured, the fields each may require, and the network's defaults
 * (issue 19 §6). A field name is the CRM's name for the fact, not a read model's path: where each is read
 * from is the application's business (src/application/data-quality/record-sources.ts).
 */
export const RECORD_TYPES = ['prospect', 'vehicle-sale', 'repair-order', 'complaint', 'member'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const KNOWN_FIELDS = {
  prospect: [
    'name',
    'phone',
    'channel',
    'modelOfInterest',
    'consultantId',
    'budgetFen',
    'expectedPurchaseBy',
  ],
  'vehicle-sale': [
    'vin',
    'priceFen',
    'paymentType',
    'promisedDeliveryAt',
    'model',
    'consultantId',
    'depositFen',
    'invoiceNo',
  ],
  'repair-order': [
    'vin',
    'mileageKm',
    'roType',
    'serviceAdvisorId',
    'plate',
    'customerDescription',
    'diagnosis',
  ],
  complaint: ['category', 'severity', 'channel', 'description', 'remedySought', 'name', 'phone'],
  member: ['cardNumber', 'homeDealerId'],
} as const satisfies Readonly<Record<RecordType, readonly string[]>>;

export type FieldOf<T extends RecordType> = (typeof KNOWN_FIELDS)[T][number];
export type KnownField = FieldOf<RecordType>;

/** Version 0 of every record type, in force until OEM staff set the first version. */
export const DEFAULT_REQUIRED_FIELDS: { readonly [T in RecordType]: readonly FieldOf<T>[] } = {
  prospect: ['name', 'phone', 'channel', 'modelOfInterest', 'consultantId'],
  'vehicle-sale': ['vin', 'priceFen', 'paymentType', 'promisedDeliveryAt'],
  'repair-order': ['vin', 'mileageKm', 'roType', 'serviceAdvisorId'],
  complaint: ['category', 'severity', 'channel', 'description'],
  member: ['cardNumber', 'homeDealerId'],
};

export const isRecordType = (value: string): value is RecordType =>
  (RECORD_TYPES as readonly string[]).includes(value);

export const isFieldOf = (recordType: RecordType, field: string): boolean =>
  (KNOWN_FIELDS[recordType] as readonly string[]).includes(field);
