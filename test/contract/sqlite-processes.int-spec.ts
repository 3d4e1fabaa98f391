import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { tempDir } from '../support/projection-fixtures';
import { newEvent } from './event-store.contract';

const CHILD = join(__dirname, '..', 'support', 'append-child.ts');

const appendInChild = (file: string, stream: string, label: string, goFile: string) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [
      '-r',
      'ts-node/register/transpile-only',
      CHILD,
      file,
      stream,
      label,
      goFile,
    ]);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`child ${label} failed: ${err}`)),
    );
  });

describe('SQLite event store across processes', () => {
  const temp = tempDir('crm-processes-');
  afterAll(() => temp.remove());

  it('lets exactly one of two processes appending at the same revision land, whole', async () => {
    const file = temp.file('events.sqlite');
    const stream = 'complaint-race';
    const store = SqliteEventStore.open(file);
    await store.appendToStream(stream, [newEvent('Opened')], 'no_stream');
    const goFile = temp.file('go');
    const racers = [appendInChild(file, stream, 'L', goFile), appendInChild(file, stream, 'R', goFile)];
    // Both children are started and polling; release them together.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    writeFileSync(goFile, 'go');
    const outcomes = (await Promise.all(racers)).sort();
    expect(outcomes).toEqual(['conflict', 'landed']);
    const types = (await store.readStream(stream)).map((event) => event.type);
    expect([
      ['Opened', 'L1', 'L2', 'L3'],
      ['Opened', 'R1', 'R2', 'R3'],
    ]).toContainEqual(types);
    expect(await store.headPosition()).toBe(4);
    await store.close();
  });
});
