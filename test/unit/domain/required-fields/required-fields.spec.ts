import { DEFAULT_REQUIRED_FIELDS } from '../../../../src/domain/required-fields/required-fields.catalogue';
import {
  requiredFieldsDecider,
  type RequiredFieldsSet,
  type SetRequiredFields,
} from '../../../../src/domain/required-fields/required-fields.decider';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(requiredFieldsDecider);
const oem = { userId: 'oem-zhang', role: 'oem-staff', dealerId: null };
const MARCH_2 = '2026-03-02T02:00:00.000Z';
const MARCH_9 = '2026-03-09T02:00:00.000Z';

const setFields = (recordType: string, fields: string[], now = MARCH_2): SetRequiredFields => ({
  type: 'SetRequiredFields',
  data: { recordType, fields, reason: 'budget matters for the forecast' },
  metadata: { now, actor: oem },
});
const prospectV1: RequiredFieldsSet = {
  type: 'RequiredFieldsSet',
  data: {
    recordType: 'prospect',
    version: 1,
    fields: ['name', 'phone', 'channel', 'modelOfInterest', 'consultantId', 'budgetFen'],
    reason: 'budget matters for the forecast',
    setAt: MARCH_2,
  },
};

describe('required fields decider', () => {
  it('has the issue’s defaults as version 0', () => {
    expect(DEFAULT_REQUIRED_FIELDS).toEqual({
      prospect: ['name', 'phone', 'channel', 'modelOfInterest', 'consultantId'],
      'vehicle-sale': ['vin', 'priceFen', 'paymentType', 'promisedDeliveryAt'],
      'repair-order': ['vin', 'mileageKm', 'roType', 'serviceAdvisorId'],
      complaint: ['category', 'severity', 'channel', 'description'],
      member: ['cardNumber', 'homeDealerId'],
    });
    expect(requiredFieldsDecider.initialState().prospect).toEqual({
      version: 0,
      fields: DEFAULT_REQUIRED_FIELDS.prospect,
      setAt: null,
    });
  });

  it('records a setting as the next version of its record type, the fields in the catalogue’s order', () => {
    // budgetFen first and consultantId twice: stored once each, in the catalogue's order.
    spec
      .given([])
      .when(
        setFields('prospect', [
          'budgetFen',
          'name',
          'phone',
          'channel',
          'modelOfInterest',
          'consultantId',
          'consultantId',
        ]),
      )
      .then([prospectV1]);
    spec
      .given([prospectV1])
      .when(setFields('prospect', ['name', 'phone'], MARCH_9))
      .then([
        {
          type: 'RequiredFieldsSet',
          data: { ...prospectV1.data, version: 2, fields: ['name', 'phone'], setAt: MARCH_9 },
        },
      ]);
  });

  it('numbers each record type on its own', () =>
    spec
      .given([prospectV1])
      .when(setFields('member', ['cardNumber']))
      .then([
        {
          type: 'RequiredFieldsSet',
          data: { ...prospectV1.data, recordType: 'member', version: 1, fields: ['cardNumber'] },
        },
      ]));

  it('refuses an unknown record type, naming the known ones', () =>
    spec
      .given([])
      .when(setFields('invoice', ['number']))
      .thenThrows('REQUIRED_FIELDS_UNKNOWN_RECORD_TYPE', {
        recordType: 'invoice',
        knownRecordTypes: ['prospect', 'vehicle-sale', 'repair-order', 'complaint', 'member'],
      }));

  it('refuses an unknown field, naming the record type’s fields', () =>
    spec
      .given([])
      .when(setFields('member', ['cardNumber', 'shoeSize', 'shoeSize']))
      .thenThrows('REQUIRED_FIELDS_UNKNOWN_FIELD', {
        recordType: 'member',
        unknownFields: ['shoeSize'],
        knownFields: ['cardNumber', 'homeDealerId'],
      }));

  it('refuses an empty set', () =>
    spec.given([]).when(setFields('complaint', [])).thenThrows('REQUIRED_FIELDS_EMPTY'));

  it('refuses the set already in force, the defaults included', () => {
    spec
      .given([])
      .when(setFields('member', ['homeDealerId', 'cardNumber']))
      .thenThrows('REQUIRED_FIELDS_UNCHANGED', { recordType: 'member', version: 0 });
    spec
      .given([prospectV1])
      .when(setFields('prospect', prospectV1.data.fields, MARCH_9))
      .thenThrows('REQUIRED_FIELDS_UNCHANGED', { version: 1 });
  });

  it('refuses a version dated before the latest of its record type, not before another type’s', () => {
    spec
      .given([prospectV1])
      .when(setFields('prospect', ['name'], '2026-03-01T02:00:00.000Z'))
      .thenThrows('REQUIRED_FIELDS_FACT_OUT_OF_ORDER', {
        recordType: 'prospect',
        latestSetAt: MARCH_2,
      });
    expect(
      requiredFieldsDecider.decide(
        setFields('member', ['cardNumber'], '2026-03-01T02:00:00.000Z'),
        requiredFieldsDecider.evolve(requiredFieldsDecider.initialState(), prospectV1),
      ),
    ).toHaveLength(1);
  });
});
