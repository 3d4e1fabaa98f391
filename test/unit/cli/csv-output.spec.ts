import { Writable } from 'node:stream';
import type { ReadModelDoc, ReadStore } from '../../../src/application/ports/read-store.port';
import { exportCsv } from '../../../src/cli/commands/export.command';
import { kpiCsv } from '../../../src/cli/commands/kpi.command';

/** The one method `crm export` reads a collection with, over documents in memory. */
const storeOf = (docs: readonly ReadModelDoc[]): Pick<ReadStore, 'stream'> => ({
  stream: async function* <T extends ReadModelDoc>() {
    for (const doc of docs) yield doc as T;
  },
});

const collector = () => {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { out, text: () => chunks.join('') };
};

describe('crm kpi --format csv', () => {
  it('guards a text cell that starts a formula and keeps a negative figure a number', () => {
    const csi = [
      { dealerId: 'd-1', month: '2026-02', csi: 641, nps: -100, factorIndex: { 'service-quality': 600 } },
      { dealerId: '=1+1', month: '2026-03', csi: 861, nps: 33.33, factorIndex: { 'service-quality': 900 } },
    ];
    expect(kpiCsv(csi)).toBe(
      'dealerId,month,csi,nps,factorIndex.service-quality\r\n' +
        'd-1,2026-02,641,-100,600\r\n' +
        "'=1+1,2026-03,861,33.33,900\r\n",
    );
  });
});

describe('crm export --format csv', () => {
  it('guards formulas and quotes commas, quotes and line breaks, one dotted column per nested field', async () => {
    const docs = [
      {
        id: 'c-1',
        note: '=cmd|"/c calc"!A1',
        score: -3,
        customer: { city: 'Shanghai, Pudong' },
        tags: ['a', 'b'],
      },
      { id: 'c-2', note: 'two\nlines', score: 4, customer: { city: '@home' } },
    ];
    const { out, text } = collector();
    expect(await exportCsv(storeOf(docs), 'complaints_v1', {}, out)).toBe(2);
    expect(text()).toBe(
      'id,note,score,customer.city,tags\r\n' +
        'c-1,"\'=cmd|""/c calc""!A1",-3,"Shanghai, Pudong","[""a"",""b""]"\r\n' +
        'c-2,"two\nlines",4,\'@home,\r\n',
    );
  });
});

describe('crm kpi --format csv of an answer holding a list', () => {
  it('keeps every field of the sales funnel beside its conversions, nested ones as dotted columns', () => {
    const funnel = {
      dealerId: 'd-1',
      month: '2026-03',
      filters: {},
      registered: 4,
      reached: { registered: 4, ordered: 1 },
      conversion: [
        { from: 'registered', to: 'ordered', rate: 0.25 },
        { from: 'ordered', to: 'delivered', rate: null },
      ],
      closingRate: 0.25,
      lost: { total: 1, byReason: { price: 1 } },
    };
    expect(kpiCsv(funnel)).toBe(
      'dealerId,month,registered,reached.registered,reached.ordered,closingRate,lost.total,lost.byReason.price,' +
        'conversion.from,conversion.to,conversion.rate\r\n' +
        'd-1,2026-03,4,4,1,0.25,1,1,registered,ordered,0.25\r\n' +
        'd-1,2026-03,4,4,1,0.25,1,1,ordered,delivered,\r\n',
    );
  });

  it('writes the object alone when its list is empty, and a list of records as rows', () => {
    expect(kpiCsv({ asOf: '2026-03-31T00:00:00.000Z', window: 6, vehicles: [] })).toBe(
      'asOf,window,vehicles\r\n2026-03-31T00:00:00.000Z,6,[]\r\n',
    );
    expect(kpiCsv({ dealerId: 'd-1', window: 6, months: [{ month: '2026-01', retained: 2 }] })).toBe(
      'dealerId,window,months.month,months.retained\r\nd-1,6,2026-01,2\r\n',
    );
  });
});
