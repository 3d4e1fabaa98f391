import { css, html, LitElement, nothing } from 'lit';
import { ACCESS_REASON, get, type ApiResult } from '../api';
import { dateTime, minutes } from '../format';
import { language, t } from '../i18n';
import { recordStyles, renderValue } from './record-view';
import { tableStyles } from './shared-styles';

type Actor = { userId: string; role: string } | null;
type Trail = {
  status: string;
  level: string;
  remedySought: string | null;
  remediesOffered: { remedy: string; proposedAt: string; response: string | null }[];
  stages: {
    stage: string;
    enteredAt: string;
    minutesInStage: number;
    enteredBy: Actor;
    event: string;
    reason: string | null;
    clocks: { clock: string; level: string; dueBy: string; outcome: string }[];
  }[];
  clocks: {
    clock: string;
    level: string;
    startedAt: string;
    dueBy: string;
    stoppedAt: string | null;
    outcome: string;
  }[];
  levelChanges: { from: string; to: string; reason: string; automatic: boolean; at: string; actor: Actor }[];
  contacts: { channel: string; summary: string; at: string; actor: Actor }[];
  entries: { type: string; at: string; actor: Actor; reason: string | null; withdrawn: boolean }[];
};
type Complaint = { customer: { customerId: string; name: string }; satisfaction?: unknown; category: string };
type Integrity = {
  intact: boolean;
  eventsChecked: number;
  firstBreak: { revision: number; reason: string } | null;
};
type AccessAudit = {
  items: { at: string; actorId: string; role: string; route: string; reason: string | null; kind: string }[];
  total: number;
};

const actor = (who: Actor): string => (who ? `${who.userId} (${who.role})` : '—');

/** The auditor's view of one complaint: the trail as a timeline, its hash chain, who opened the customer's file. */
export class ComplaintView extends LitElement {
  static override properties = {
    complaintId: { attribute: false },
    complaint: { state: true },
    trail: { state: true },
    integrity: { state: true },
    audit: { state: true },
  };
  declare complaintId: string;
  declare complaint: ApiResult<Complaint> | null;
  declare trail: ApiResult<Trail> | null;
  declare integrity: ApiResult<Integrity> | null;
  declare audit: ApiResult<AccessAudit> | null;
  private loaded = '';

  static override styles = [
    tableStyles,
    recordStyles,
    css`
      .stage {
        border-left: 3px solid #1f6feb;
        padding: 4px 12px;
        margin: 8px 0;
      }
      .missed,
      .overdue {
        color: #cf222e;
        font-weight: bold;
      }
      .held {
        color: #1a7f37;
      }
      .note {
        color: #57606a;
      }
    `,
  ];

  protected override willUpdate(): void {
    const key = `${this.complaintId}|${language()}`;
    if (key === this.loaded) return;
    this.loaded = key;
    const id = encodeURIComponent(this.complaintId);
    this.complaint = this.trail = this.integrity = this.audit = null;
    void get<Trail>(`/complaints/${id}/trail`).then((answer) => (this.trail = answer));
    void get<Integrity>(`/integrity/streams/complaint-${id}`).then((answer) => (this.integrity = answer));
    void get<Complaint>(`/complaints/${id}`, {}, { headers: { 'x-access-reason': ACCESS_REASON } }).then(
      (answer) => {
        this.complaint = answer;
        if (answer.kind === 'ok')
          void get<AccessAudit>('/access-audit', {
            customerId: answer.data.customer.customerId,
            limit: 100,
          }).then((audit) => (this.audit = audit));
      },
    );
  }

  private refusal(answer: ApiResult<unknown> | null) {
    if (!answer) return html`<p class="note">${t('loading')}</p>`;
    if (answer.kind === 'role-forbidden')
      return html`<p class="note" data-state="role-forbidden">${t('notForRole')}</p>`;
    if (answer.kind === 'refused')
      return html`<p class="refused" data-state="refused">
        ${t('refused')}: ${answer.problem.status} ${answer.problem.code ?? ''}
      </p>`;
    return nothing;
  }

  protected override render() {
    return html`<h2>${t('complaint')} ${this.complaintId}</h2>
      <section data-section="integrity">
        <h3>${t('integrity')}</h3>
        ${this.refusal(this.integrity)}${this.renderIntegrity()}
      </section>
      <section data-section="timeline">
        <h3>${t('timeline')}</h3>
        ${this.refusal(this.trail)}${this.renderTrail()}
      </section>
      <section data-section="access-audit">
        <h3>${t('accessAudit')}</h3>
        ${this.refusal(this.complaint)}${this.complaint?.kind === 'ok' ? this.refusal(this.audit) : nothing}${this.renderAudit()}
      </section>`;
  }

  private renderIntegrity() {
    if (this.integrity?.kind !== 'ok') return nothing;
    const report = this.integrity.data;
    return html`<p data-intact=${String(report.intact)} class=${report.intact ? 'held' : 'missed'}>
      ${report.intact ? t('intact') : t('broken')} · ${report.eventsChecked} ${t('eventsChecked')}
      ${report.firstBreak ? html`· r${report.firstBreak.revision} ${report.firstBreak.reason}` : nothing}
    </p>`;
  }

  private renderTrail() {
    if (this.trail?.kind !== 'ok') return nothing;
    const trail = this.trail.data;
    const callbacks = trail.entries.filter((entry) => /Callback/.test(entry.type));
    return html`<p>${t('status')}: ${trail.status} · ${t('level')}: ${trail.level}</p>
      ${trail.stages.map(
        (stage) =>
          html`<div class="stage" data-stage=${stage.stage}>
            <strong>${stage.stage}</strong> · ${dateTime(stage.enteredAt)} · ${t('actor')}:
            ${actor(stage.enteredBy)} · ${t('timeInStage')}: ${minutes(stage.minutesInStage)}
            ${stage.reason ? html`<div>${t('reason')}: ${stage.reason}</div>` : nothing}
            ${stage.clocks.map(
              (clock) =>
                html`<div class=${clock.outcome}>
                  ${clock.clock} ${clock.level} · ${dateTime(clock.dueBy)} · ${clock.outcome}
                </div>`,
            )}
          </div>`,
      )}
      <h4>${t('clocks')}</h4>
      <table data-table="clocks">
        <tr>
          <th>Clock</th>
          <th>${t('level')}</th>
          <th>Start</th>
          <th>${t('due')}</th>
          <th>Stop</th>
          <th>${t('state')}</th>
        </tr>
        ${trail.clocks.map(
          (clock) =>
            html`<tr class=${clock.outcome}>
              <td>${clock.clock}</td>
              <td>${clock.level}</td>
              <td>${dateTime(clock.startedAt)}</td>
              <td>${dateTime(clock.dueBy)}</td>
              <td>${dateTime(clock.stoppedAt)}</td>
              <td>${clock.outcome}</td>
            </tr>`,
        )}
      </table>
      <h4>${t('levelChanges')}</h4>
      <ul>
        ${trail.levelChanges.map(
          (change) =>
            html`<li>
              ${dateTime(change.at)} ${change.from} → ${change.to} ·
              ${change.reason}${change.automatic ? ' (auto)' : ''} · ${actor(change.actor)}
            </li>`,
        )}
      </ul>
      <h4>${t('contacts')}</h4>
      <ul>
        ${trail.contacts.map((contact) => html`<li>${dateTime(contact.at)} ${contact.channel} · ${contact.summary} · ${actor(contact.actor)}</li>`)}
      </ul>
      <h4>${t('remedySought')} / ${t('remediesOffered')}</h4>
      <p data-field="remedySought">${trail.remedySought ?? '—'}</p>
      <ul>
        ${trail.remediesOffered.map((offer) => html`<li>${dateTime(offer.proposedAt)} ${offer.remedy} → ${offer.response ?? '…'}</li>`)}
      </ul>
      <h4>${t('callback')}</h4>
      <ul>
        ${callbacks.map((entry) => html`<li>${dateTime(entry.at)} ${entry.type} · ${actor(entry.actor)}</li>`)}
      </ul>
      ${
        this.complaint?.kind === 'ok' && this.complaint.data.satisfaction
          ? renderValue('satisfaction', this.complaint.data.satisfaction)
          : nothing
      }`;
  }

  private renderAudit() {
    if (this.audit?.kind !== 'ok') return nothing;
    return html`<table data-table="access-audit">
      <tr>
        <th>${t('when')}</th>
        <th>${t('who')}</th>
        <th>${t('route')}</th>
        <th>${t('reason')}</th>
      </tr>
      ${this.audit.data.items.map(
        (item) =>
          html`<tr>
            <td>${dateTime(item.at)}</td>
            <td>${item.actorId} (${item.role})</td>
            <td>${item.kind} ${item.route}</td>
            <td>${item.reason ?? ''}</td>
          </tr>`,
      )}
    </table>`;
  }
}
customElements.define('crm-complaint', ComplaintView);
