import type { RecordType } from '../../../src/domain/required-fields/required-fields.catalogue';
import { requiredFieldsProjection } from '../../../src/projections/required-fields/required-fields.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(requiredFieldsProjection);
const oem = { userId: 'oem-zhang', role: 'oem-staff', dealerId: null };
const set = (recordType: RecordType, version: number, fields: string[], setAt: string) => ({
  type: 'RequiredFieldsSet' as const,
  data: { recordType, version, fields, reason: 'network review', setAt },
  actor: oem,
});

describe('required-fields projection', () => {
  it('keeps one document per record type and version, with who set it', () =>
    spec
      .when([
        set('prospect', 1, ['name', 'phone'], '2026-03-02T02:00:00.000Z'),
        set('member', 1, ['cardNumber'], '2026-03-03T02:00:00.000Z'),
        set('prospect', 2, ['name'], '2026-03-04T02:00:00.000Z'),
      ])
      .then({
        prospect_1: {
          recordType: 'prospect',
          version: 1,
          fields: ['name', 'phone'],
          reason: 'network review',
          setAt: '2026-03-02T02:00:00.000Z',
          setBy: 'oem-zhang',
        },
        member_1: {
          recordType: 'member',
          version: 1,
          fields: ['cardNumber'],
          reason: 'network review',
          setAt: '2026-03-03T02:00:00.000Z',
          setBy: 'oem-zhang',
        },
        prospect_2: {
          recordType: 'prospect',
          version: 2,
          fields: ['name'],
          reason: 'network review',
          setAt: '2026-03-04T02:00:00.000Z',
          setBy: 'oem-zhang',
        },
      }));
});
