import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SubscriptionReads } from '../../application/ports/event-store.port';
import type { CommandObservation } from '../../application/shared/command-pipeline';

/** What the scrape reads at its own moment, so no gauge is stale: runners and watchers as /health shows them. */
export type MetricSources = Readonly<{
  headPosition: () => Promise<number>;
  projections: () => Promise<readonly RunnerReading[]>;
  reactors: () => Promise<readonly RunnerReading[]>;
  watchers: () => readonly WatcherReading[];
  /** How the subscriptions of this process read the log (absent where the store does not say). */
  subscriptionReads?: () => SubscriptionReads | undefined;
}>;
export type RunnerReading = Readonly<{
  name: string;
  state: string;
  position: number;
  /** Null while the store cannot say (an outage); `events` is 'unknown' where the store cannot count. */
  lag: Readonly<{ events?: unknown; ms?: unknown }> | null;
}>;
/** How credential verification has read credential streams, and the changes the follower of the log pushed. */
export type CredentialReadings = Readonly<{
  streamReads: number;
  pushedChanges: number;
  trustingPushed: boolean;
}>;
export type WatcherReading = Readonly<{
  name: string;
  lastSweep: Readonly<{ at: string }> | null;
  lastError: unknown;
}>;

const STATES = ['running', 'retrying', 'failed', 'stopped', 'building'] as const;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const GROUP_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128];

/** One commit of the event store's write transaction (the SQLite adapter tells each; docs/architecture.md). */
export type StoreCommitObservation = Readonly<{ appends: number; landed: number; events: number }>;

/**
 * The Prometheus figures of one process (`GET /metrics`): requests by route and status, commands by type and
 * outcome, events appended, and, read at scrape time, the event store head, each projection's and reactor's
 * state and lag, and each watcher's last sweep. One registry per app, so two apps in one test do not mix.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status'>;
  private readonly commands: Counter<'type' | 'outcome' | 'code'>;
  private readonly commandSeconds: Histogram<'type'>;
  private readonly appended: Counter<'type'>;
  private readonly webhookAttempts: Histogram<'outcome'>;
  private readonly storeCommitAppends: Histogram;

  private credentialReads: (() => CredentialReadings) | undefined;

  constructor(private sources?: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'crm_http_request_duration_seconds',
      help: 'HTTP requests by route template, method and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.commands = new Counter({
      name: 'crm_commands_total',
      help: 'Commands by type and outcome (appended, unchanged, replayed, refused, conflict, failed); code for a refusal',
      labelNames: ['type', 'outcome', 'code'],
      registers,
    });
    this.commandSeconds = new Histogram({
      name: 'crm_command_duration_seconds',
      help: 'Time to load, decide and append one command',
      labelNames: ['type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.appended = new Counter({
      name: 'crm_events_appended_total',
      help: 'Events appended by commands, by command type',
      labelNames: ['type'],
      registers,
    });
    this.webhookAttempts = new Histogram({
      name: 'crm_webhook_delivery_attempt_seconds',
      help: 'Webhook delivery attempts by outcome (accepted: a 2xx; rejected: another status; unreachable: no answer)',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.storeCommitAppends = new Histogram({
      name: 'crm_event_store_commit_appends',
      help: 'Appends per commit of the SQLite event store (group commit: the appends of one event-loop turn share one transaction and one fsync)',
      buckets: GROUP_BUCKETS,
      registers,
    });
    this.gauges(registers);
  }

  observeStoreCommit = ({ appends }: StoreCommitObservation): void => {
    this.storeCommitAppends.observe(appends);
  };

  observeWebhookAttempt(outcome: 'accepted' | 'rejected' | 'unreachable', seconds: number): void {
    this.webhookAttempts.observe({ outcome }, seconds);
  }

  /** The sources come from the app's engine and watchers, which are built after the pipeline that reports here. */
  readFrom(sources: MetricSources): void {
    this.sources = sources;
  }

  /** The credential service's reads (issue 14 §4): read at scrape time. */
  readCredentialsFrom(reads: () => CredentialReadings): void {
    this.credentialReads = reads;
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }

  observeCommand = ({ type, outcome, code, events, seconds }: CommandObservation): void => {
    this.commands.inc({ type, outcome, code: code ?? '' });
    this.commandSeconds.observe({ type }, seconds);
    if (events > 0) this.appended.inc({ type }, events);
  };

  private gauges(registers: Registry[]): void {
    // The gauges' `collect` is called with the gauge as `this`: the sources are reached through a closure.
    const sources = () => this.sources;
    new Gauge({
      name: 'crm_event_store_head_position',
      help: 'The position of the last event in the log',
      registers,
      async collect() {
        const from = sources();
        if (from) this.set(await from.headPosition());
      },
    });
    const runnerGauges = (kind: 'projection' | 'reactor') => {
      const read = () => (kind === 'projection' ? sources()?.projections() : sources()?.reactors());
      new Gauge({
        name: `crm_${kind}_state`,
        help: `1 for the state each ${kind} is in, 0 for the others`,
        labelNames: ['name', 'state'],
        registers,
        async collect() {
          this.reset();
          for (const runner of (await read()) ?? [])
            for (const state of STATES)
              this.set({ name: runner.name, state }, runner.state === state ? 1 : 0);
        },
      });
      new Gauge({
        name: `crm_${kind}_lag_events`,
        help: `Events the ${kind} has still to read (absent when the store cannot count them)`,
        labelNames: ['name'],
        registers,
        async collect() {
          this.reset();
          for (const { name, lag } of (await read()) ?? [])
            if (typeof lag?.events === 'number') this.set({ name }, lag.events);
        },
      });
      new Gauge({
        name: `crm_${kind}_lag_seconds`,
        help: `Age of the oldest event the ${kind} has still to read`,
        labelNames: ['name'],
        registers,
        async collect() {
          this.reset();
          for (const { name, lag } of (await read()) ?? [])
            if (typeof lag?.ms === 'number') this.set({ name }, lag.ms / 1000);
        },
      });
    };
    new Gauge({
      name: 'crm_subscription_log_reads',
      help: 'Reads of the log made for the subscriptions of this process since it started: by the one shared reader (shared), by subscribers catching up alone (own)',
      labelNames: ['reader'],
      registers,
      collect() {
        const reads = sources()?.subscriptionReads?.();
        if (!reads) return;
        this.set({ reader: 'shared' }, reads.sharedReads);
        this.set({ reader: 'own' }, reads.ownReads);
      },
    });
    new Gauge({
      name: 'crm_subscription_store_reads',
      help: 'Of the reads of the log made for the subscriptions of this process, those that reached the store (the others got the answer of the same read a moment before)',
      registers,
      collect() {
        const reads = sources()?.subscriptionReads?.();
        if (reads) this.set(reads.storeReads);
      },
    });
    new Gauge({
      name: 'crm_subscription_subscribers',
      help: 'Subscriptions of this process fed by the shared reader of the log (joined) or reading alone (alone)',
      labelNames: ['mode'],
      registers,
      collect() {
        const reads = sources()?.subscriptionReads?.();
        if (!reads) return;
        this.set({ mode: 'joined' }, reads.joined);
        this.set({ mode: 'alone' }, reads.alone);
      },
    });
    const credentials = () => this.credentialReads?.();
    new Gauge({
      name: 'crm_credential_stream_reads',
      help: "Reads of a credential's stream made to verify a request since this process started (a kept state answers the others)",
      registers,
      collect() {
        const reads = credentials();
        if (reads) this.set(reads.streamReads);
      },
    });
    new Gauge({
      name: 'crm_credential_pushed_changes',
      help: 'Credential events (issued, revoked) that the follower of the log pushed to the credential service since this process started',
      registers,
      collect() {
        const reads = credentials();
        if (reads) this.set(reads.pushedChanges);
      },
    });
    new Gauge({
      name: 'crm_credential_follower_at_head',
      help: '1 while the follower of the log was at the head within CREDENTIAL_FRESHNESS_MS (kept credential states trusted for CREDENTIAL_PUSHED_FRESHNESS_MS), 0 while they are read again after CREDENTIAL_FRESHNESS_MS',
      registers,
      collect() {
        const reads = credentials();
        if (reads) this.set(reads.trustingPushed ? 1 : 0);
      },
    });
    runnerGauges('projection');
    runnerGauges('reactor');
    new Gauge({
      name: 'crm_watcher_last_sweep_timestamp_seconds',
      help: "When each clock-driven watcher's last sweep ended",
      labelNames: ['name'],
      registers,
      collect() {
        this.reset();
        for (const { name, lastSweep } of sources()?.watchers() ?? [])
          if (lastSweep) this.set({ name }, Date.parse(lastSweep.at) / 1000);
      },
    });
    new Gauge({
      name: 'crm_watcher_failing',
      help: '1 while the last sweep of a watcher failed',
      labelNames: ['name'],
      registers,
      collect() {
        this.reset();
        for (const { name, lastError } of sources()?.watchers() ?? []) this.set({ name }, lastError ? 1 : 0);
      },
    });
  }
}
