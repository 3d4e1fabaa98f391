import { JsonLogger, loggableUrl } from '../../../src/infrastructure/logging/json-logger';
import { requestContext } from '../../../src/infrastructure/request-context';

const capture = (level: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'info') => {
  const lines: string[] = [];
  const logger = new JsonLogger(level, (line) => lines.push(line));
  return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
};

describe('the JSON logger (pino, issue 16 §5)', () => {
  it('censors personal data and credentials in the fields, and keeps the rest', () => {
    const { logger, entries } = capture();
    logger.entry('warn', 'projection stopped', {
      projection: 'complaint-details',
      event: { data: { customer: { customerId: 'cu-1', name: '王芳', phone: '13812345678' } } },
      headers: { authorization: 'Bearer crm_x_secret', 'user-agent': 'curl' },
      secret: 's3cr3t',
    });
    const [entry] = entries();
    expect(entry).toMatchObject({
      level: 'warn',
      message: 'projection stopped',
      projection: 'complaint-details',
      headers: { authorization: '[redacted]', 'user-agent': 'curl' },
      secret: '[redacted]',
    });
    expect(JSON.stringify(entry)).not.toMatch(/王芳|13812345678|crm_x_secret|s3cr3t/);
    expect(JSON.stringify(entry)).toContain('cu-1');
  });

  it('keeps the correlation id of the request that caused the entry', () => {
    const { logger, entries } = capture();
    requestContext.run({ correlationId: 'corr-7', requestId: 'r-1' }, () => logger.entry('info', 'request'));
    expect(entries()[0]).toMatchObject({ message: 'request', correlationId: 'corr-7' });
    expect(typeof entries()[0].time).toBe('string');
  });

  it('writes nothing below its level, and nothing at all when silent', () => {
    const quiet = capture('warn');
    quiet.logger.entry('info', 'ignored');
    quiet.logger.log('ignored too');
    quiet.logger.error(new Error('kept'));
    expect(quiet.entries().map(({ message }) => message)).toEqual(['kept']);
    const silent = capture('silent');
    silent.logger.entry('error', 'nothing');
    expect(silent.entries()).toEqual([]);
  });

  it('censors personal query values in a URL, not the path', () => {
    expect(loggableUrl('/customers/lookup?phone=13812345678&limit=5')).toBe(
      '/customers/lookup?phone=%5Bredacted%5D&limit=5',
    );
    expect(loggableUrl('/complaints/c-42/trail')).toBe('/complaints/c-42/trail');
  });
});
