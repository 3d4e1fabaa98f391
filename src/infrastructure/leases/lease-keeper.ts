import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Lease, LeaseFence, ReadStore } from '../../application/ports/read-store.port';

/** One unit of work done by the holder of its lease only. */
export type LeasedUnit = Readonly<{
  /** The lease's name, e.g. `projection:lead_list`. */
  name: string;
  /** Starts the work under the lease just taken; its fenced writes name `lease`. */
  start: (lease: LeaseFence) => Promise<void>;
  /** Stops the work: the lease was lost, is given up, or the process stops. */
  stop: () => Promise<void>;
}>;

export type LeaseKeeperOptions = Readonly<{
  /** Names this keeper's presence lease: `presence:<scope>:<owner>`. */
  scope: string;
  owner: string;
  /** How long a lease lasts without renewal (`LEASE_MS`); renewed every third of it. */
  leaseMs: number;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** Wall clock in ms (leases compare times of several processes: never a test's fixed clock). */
  now?: () => number;
}>;

/** Who holds a unit's lease, as this process last saw it. */
export type LeaseHolder = Readonly<{ owner: string; here: boolean; epoch: number; expiresAt: string }>;

/** A process's name among lease owners: host, pid and a random part (two apps in one process differ). */
export const newLeaseOwner = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const PRESENCE = 'presence:';
/** A presence lease expired this many lease times ago belongs to a process that is gone: deleted. */
const PRESENCE_KEPT_LEASES = 10;

const shuffled = <T>(items: readonly T[]): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

/**
 * Keeps the leases of a set of units of work for one process, so that several processes share the units
 * and a dead one's units move to the others (docs/architecture.md "Leases and fencing"). Every third of
 * `leaseMs` it:
 * 1. renews its presence lease (`presence:<scope>:<owner>`, which fences nothing: it only says "I am
 *    here") and every unit lease it holds; a unit whose renewal is refused (another process took it over
 *    while this one was paused or cut off) is stopped;
 * 2. counts the live owners of the scope from their presence leases and takes its share,
 *    ceil(units / owners): it gives up (stops and releases) the units above its share, so a process that
 *    joins gets work at the next tick, and takes free ones (never taken, released, expired) up to it.
 * When a lease of another owner (a unit or its presence) is due to expire before the next tick, the next
 * tick is brought forward to that moment, so a killed process's units move within `leaseMs` of its last
 * renewal, at most `leaseMs` after the kill.
 * The lease alone does not stop a stale owner from writing: the units' writes are fenced by its epoch
 * (LeaseLostError), and a unit refused that way calls `lost`.
 */
export class LeaseKeeper {
  private readonly held = new Map<string, Lease>();
  private readonly units: ReadonlyMap<string, LeasedUnit>;
  private readonly now: () => number;
  private readonly presenceName: string;
  private seen = new Map<string, Lease>();
  private presence: Lease | null = null;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly readStore: ReadStore,
    private readonly options: LeaseKeeperOptions,
    units: readonly LeasedUnit[],
  ) {
    this.units = new Map(units.map((unit) => [unit.name, unit]));
    this.now = options.now ?? Date.now;
    this.presenceName = `${PRESENCE}${options.scope}:${options.owner}`;
  }

  get owner(): string {
    return this.options.owner;
  }

  /** The first round (takes this process's share of the free units and starts them), then every third. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.tickNow();
  }

  /** Stops every held unit and releases its lease: another process may take it over at once. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
    for (const name of [...this.held.keys()]) await this.giveUp(name);
    if (this.presence) await this.readStore.releaseLease(this.presence).catch(() => undefined);
  }

  /** The unit's fenced write was refused: its lease is gone. It may be taken again at a later tick. */
  lost(name: string): void {
    if (this.held.delete(name))
      this.options.log('info', `lease ${name} was taken over by another process: its work stopped here`, {
        lease: name,
      });
  }

  /** The lease a held unit's writes name; undefined when this process does not hold it. */
  fenceOf(name: string): LeaseFence | undefined {
    const lease = this.held.get(name);
    return lease && { name: lease.name, epoch: lease.epoch };
  }

  /** True while this process holds the unit's lease and it has not expired by its own clock. */
  holds(name: string): boolean {
    const lease = this.held.get(name);
    return lease !== undefined && lease.expiresAt > this.now();
  }

  /** Reads the leases again, so `holder` tells who holds each one now rather than at the last round. */
  async refresh(): Promise<void> {
    this.seen = new Map((await this.readStore.listLeases()).map((lease) => [lease.name, lease]));
  }

  /** Who holds the unit's lease (this process, or another as last listed); null: nobody. */
  holder(name: string): LeaseHolder | null {
    const held = this.held.get(name);
    const seen = this.seen.get(name);
    // Listed as this process's but no longer held (given up or lost since): not this process's.
    const lease = held ?? (seen?.owner === this.owner ? undefined : seen);
    if (!lease || lease.expiresAt <= this.now()) return null;
    return {
      owner: lease.owner,
      here: lease.owner === this.owner,
      epoch: lease.epoch,
      expiresAt: new Date(lease.expiresAt).toISOString(),
    };
  }

  private tickNow(): Promise<void> {
    this.ticking = this.ticking.then(() => this.tick());
    return this.ticking;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tickNow(), Math.max(10, delayMs));
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    const period = Math.max(1, Math.floor(this.options.leaseMs / 3));
    let next = period;
    try {
      next = await this.round(period);
    } catch (error) {
      this.options.log('warn', `could not keep the leases of ${this.options.scope}: ${String(error)}`, {
        scope: this.options.scope,
      });
    }
    this.schedule(next);
  }

  /** One round; returns the delay to the next. */
  private async round(period: number): Promise<number> {
    const { leaseMs } = this.options;
    this.presence = await this.readStore.acquireLease({
      name: this.presenceName,
      owner: this.owner,
      ttlMs: leaseMs,
      now: this.now(),
    });
    for (const [name, lease] of [...this.held]) {
      const renewed = await this.readStore.renewLease({
        name,
        owner: this.owner,
        epoch: lease.epoch,
        ttlMs: leaseMs,
        now: this.now(),
      });
      if (renewed) {
        this.held.set(name, renewed);
        continue;
      }
      this.held.delete(name);
      this.options.log('info', `lease ${name} was taken over by another process: stopping its work here`, {
        lease: name,
      });
      await this.units.get(name)?.stop();
    }
    const now = this.now();
    const leases = await this.readStore.listLeases();
    this.seen = new Map(leases.map((lease) => [lease.name, lease]));
    const presencePrefix = `${PRESENCE}${this.options.scope}:`;
    const owners = new Set([this.owner]);
    for (const lease of leases) {
      if (!lease.name.startsWith(presencePrefix)) continue;
      if (lease.expiresAt > now) owners.add(lease.owner);
      else if (lease.expiresAt < now - PRESENCE_KEPT_LEASES * leaseMs)
        await this.readStore.deleteLease(lease.name, now - PRESENCE_KEPT_LEASES * leaseMs);
    }
    const share = Math.ceil(this.units.size / owners.size);
    // Above its share (another process joined): give the extra units up, so it can take them.
    for (const name of shuffled([...this.held.keys()]).slice(share)) await this.giveUp(name);
    for (const unit of shuffled([...this.units.values()])) {
      if (this.held.size >= share) break;
      if (this.held.has(unit.name) || !this.running) continue;
      const stored = this.seen.get(unit.name);
      if (stored && stored.expiresAt > now && stored.owner !== this.owner) continue;
      await this.take(unit);
    }
    // Another owner's lease (a unit, or its presence) that expires before the next round was not renewed in
    // time: its owner is likely gone. The next round comes then, so its units move within LEASE_MS of its
    // last renewal rather than up to a round later.
    let soonest = Number.POSITIVE_INFINITY;
    for (const lease of leases) {
      const mine = this.units.has(lease.name) || lease.name.startsWith(presencePrefix);
      if (mine && lease.owner !== this.owner && lease.expiresAt > now)
        soonest = Math.min(soonest, lease.expiresAt);
    }
    return soonest - now < period ? soonest - now + 5 : period;
  }

  private async take(unit: LeasedUnit): Promise<void> {
    const lease = await this.readStore.acquireLease({
      name: unit.name,
      owner: this.owner,
      ttlMs: this.options.leaseMs,
      now: this.now(),
    });
    if (!lease) return;
    this.held.set(unit.name, lease);
    try {
      await unit.start({ name: lease.name, epoch: lease.epoch });
    } catch (error) {
      this.options.log('error', `could not start ${unit.name}: ${String(error)}; another round retries`, {
        lease: unit.name,
      });
      await this.giveUp(unit.name);
    }
  }

  /** Stops the unit, then releases its lease (in that order: nothing of it writes after the release). */
  private async giveUp(name: string): Promise<void> {
    const lease = this.held.get(name);
    await this.units
      .get(name)
      ?.stop()
      .catch((error: unknown) =>
        this.options.log('warn', `stopping ${name} failed: ${String(error)}`, { lease: name }),
      );
    this.held.delete(name);
    if (lease)
      await this.readStore
        .releaseLease({ name, owner: this.owner, epoch: lease.epoch })
        .catch(() => undefined);
  }
}
