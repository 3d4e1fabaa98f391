import type { EventStore, StoredEvent } from '../../../src/application/ports/event-store.port';
import type { CommandPipeline } from '../../../src/application/shared/command-pipeline';
import { apiKeyOf, newApiKeySecret, secretHashOf } from '../../../src/infrastructure/auth/credential-format';
import { CredentialService, type PushedChanges } from '../../../src/infrastructure/auth/credential.service';

const ID = '0190a6f4-3c1e-7a55-9d1e-5f0c2b8e4a11';
const SECRET = newApiKeySecret();
const KEY = `Bearer ${apiKeyOf(ID, SECRET)}`;

/** The credential's stream as a store would return it, counting the reads (the stores have their own suites). */
class CredentialStream {
  events: StoredEvent[] = [
    this.stored('CredentialIssued', {
      credentialId: ID,
      kind: 'api-key',
      userId: 'dms-sync',
      role: 'admin',
      dealerId: null,
      secretHash: secretHashOf(SECRET),
      expiresAt: null,
      issuedBy: 'system:cli',
      issuedAt: '2026-01-01T00:00:00.000Z',
    }),
  ];
  reads = 0;
  /** Holds the next read until released: a read in flight while a change is pushed. */
  hold: Promise<void> | null = null;

  readonly store = {
    readStream: async () => {
      this.reads += 1;
      const events = [...this.events];
      if (this.hold) await this.hold;
      return events;
    },
  } as unknown as EventStore;

  revoke(): void {
    this.events.push(
      this.stored('CredentialRevoked', {
        credentialId: ID,
        reason: 'leaked',
        revokedBy: 'system:cli',
        revokedAt: '2026-01-02T00:00:00.000Z',
      }),
    );
  }

  private stored(type: string, data: Record<string, unknown>): StoredEvent {
    return { type, data } as unknown as StoredEvent;
  }
}

/**
 * When a kept credential state is trusted (issue 14 §4): for CREDENTIAL_FRESHNESS_MS (1 s) alone, and for
 * CREDENTIAL_PUSHED_FRESHNESS_MS (60 s) only while the follower of the log, which pushes revocations, was at
 * the head within that second and began to follow before the state was read.
 */
describe('CredentialService: kept states and pushed changes', () => {
  let now = 10_000;
  beforeEach(() => {
    now = 10_000;
    jest.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  const setup = (follower: { followingSince: number | null; atHeadAt: number | null } | null) => {
    const stream = new CredentialStream();
    const service = new CredentialService(
      stream.store,
      {} as CommandPipeline,
      new Uint8Array(32),
      () => new Date('2026-03-01T00:00:00Z'),
      1_000,
      60_000,
    );
    service.followChanges(follower as PushedChanges | null);
    return { stream, service };
  };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: { code?: string }) => error.code,
    );

  it('without a follower, reads the stream again once the kept state is older than a second', async () => {
    const { stream, service } = setup(null);
    await service.verify(KEY);
    now += 999;
    await service.verify(KEY);
    expect(stream.reads).toBe(1);
    now += 1;
    await service.verify(KEY);
    expect(stream.reads).toBe(2);
    expect(service.reads()).toMatchObject({ streamReads: 2, trustingPushed: false });
  });

  it('with the follower at the head, trusts a kept state for a minute, and forgets it when a change is pushed', async () => {
    const follower = { followingSince: 9_000, atHeadAt: 10_000 };
    const { stream, service } = setup(follower);
    await service.verify(KEY);
    for (const step of [5_000, 20_000, 34_999]) {
      now = 10_000 + step;
      follower.atHeadAt = now - 200;
      await service.verify(KEY);
    }
    expect(stream.reads).toBe(1);
    expect(service.reads().trustingPushed).toBe(true);
    // The safety net: a minute after the read, it is read again even so.
    now = 70_000;
    follower.atHeadAt = now - 200;
    await service.verify(KEY);
    expect(stream.reads).toBe(2);

    stream.revoke();
    now += 10;
    expect(await refusal(service.verify(KEY))).toBe('accepted');
    service.changed(ID);
    expect(await refusal(service.verify(KEY))).toBe('CREDENTIAL_REVOKED');
    expect(service.reads()).toMatchObject({ streamReads: 3, pushedChanges: 1 });
  });

  it('falls back to the second when the follower has not been at the head for a second', async () => {
    const follower = { followingSince: 9_000, atHeadAt: 10_000 };
    const { stream, service } = setup(follower);
    await service.verify(KEY);
    now = 10_999;
    await service.verify(KEY);
    expect(stream.reads).toBe(1);
    now = 11_000;
    expect(service.reads().trustingPushed).toBe(false);
    stream.revoke();
    expect(await refusal(service.verify(KEY))).toBe('CREDENTIAL_REVOKED');
    expect(stream.reads).toBe(2);
  });

  it('does not trust for long a state read before the follower began to follow, nor a follower not yet at the head', async () => {
    const follower: { followingSince: number | null; atHeadAt: number | null } = {
      followingSince: null,
      atHeadAt: null,
    };
    const { stream, service } = setup(follower);
    await service.verify(KEY);
    now = 10_500;
    follower.followingSince = 10_500;
    follower.atHeadAt = 10_500;
    now = 11_400;
    follower.atHeadAt = 11_400;
    await service.verify(KEY);
    // Read at 10,000, before the follower began: a revocation stored before its start never reaches it.
    expect(stream.reads).toBe(2);
    now = 30_000;
    follower.atHeadAt = 29_900;
    await service.verify(KEY);
    expect(stream.reads).toBe(2);
  });

  it('does not keep a state whose read was in flight when a change was pushed', async () => {
    const follower = { followingSince: 9_000, atHeadAt: 10_000 };
    const { stream, service } = setup(follower);
    let release: () => void = () => undefined;
    stream.hold = new Promise((resolve) => (release = resolve));
    const first = service.verify(KEY);
    // The revocation is stored and pushed while the read (which found the credential active) is in flight.
    stream.revoke();
    service.changed(ID);
    release();
    stream.hold = null;
    expect(await refusal(first)).toBe('accepted');
    now += 10;
    expect(await refusal(service.verify(KEY))).toBe('CREDENTIAL_REVOKED');
  });
});
