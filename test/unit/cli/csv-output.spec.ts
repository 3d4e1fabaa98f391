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
