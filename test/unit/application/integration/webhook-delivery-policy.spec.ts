import {
  nextAttemptAfter,
  urlAllowed,
} from '../../../../src/application/integration/webhook-delivery-policy';
import { signedHeaders } from '../../../../src/application/integration/webhook-signature';
import { webhookSecretBox } from '../../../../src/infrastructure/reactors/webhooks/webhook-secret-box';

describe('webhook delivery policy', () => {
  it('backs off 10 s, 20 s, 40 s … capped at an hour, and gives up after the 8th failure', () => {
    const at = new Date('2026-03-02T00:00:00.000Z');
    const delays = [1, 2, 3, 4, 5, 6, 7].map(
      (failures) => (Date.parse(nextAttemptAfter(failures, at)!) - at.getTime()) / 1000,
    );
    expect(delays).toEqual([10, 20, 40, 80, 160, 320, 640]);
    expect(nextAttemptAfter(8, at)).toBeNull();
  });

  it('allows a URL only under a prefix, at a boundary', () => {
    const prefixes = ['https://hooks.example.com', 'http://127.0.0.1:4000/'];
    expect(urlAllowed('https://hooks.example.com/crm', prefixes)).toBe(true);
    expect(urlAllowed('https://hooks.example.com', prefixes)).toBe(true);
    expect(urlAllowed('https://hooks.example.com.evil.test/', prefixes)).toBe(false);
    expect(urlAllowed('https://hooks.example.community/', prefixes)).toBe(false);
    expect(urlAllowed('http://127.0.0.1:4000/hook', prefixes)).toBe(true);
    expect(urlAllowed('http://127.0.0.1:40001/hook', prefixes)).toBe(false);
    expect(urlAllowed('https://hooks.example.com/crm', [])).toBe(false);
  });

  it('signs as the Standard Webhooks example does', () => {
    // The example of the Standard Webhooks specification (its README, "Signature scheme").
    const headers = signedHeaders(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('seals a secret so that only the same derivation root opens it', () => {
    const box = webhookSecretBox(Buffer.alloc(32, 7));
    const sealed = box.seal('whsec_abc');
    expect(sealed).not.toContain('abc');
    expect(box.open(sealed)).toBe('whsec_abc');
    expect(webhookSecretBox(Buffer.alloc(32, 7)).open(sealed)).toBe('whsec_abc');
    const other = webhookSecretBox(Buffer.alloc(32, 8));
    expect(() => other.open(sealed)).toThrow();
  });
});
