import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { ACCESS_REASON, get, type ApiResult } from '../api';
import { dateTime, rmbFromFen } from '../format';
import { t } from '../i18n';
import { tableStyles } from './shared-styles';

/** The single-record reads a worklist row may open (each is recorded in the access audit). */
const RECORD_PATHS = [
  /^prospects\/[^/]+$/,
  /^repair-orders\/[^/]+$/,
  /^vehicle-sales\/[^/]+$/,
  /^service\/vehicles\/[^/]+\/history$/,
];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a person reads it: instants in CST, fen as RMB, nested records as nested lists. */
export const renderValue = (name: string, value: unknown): TemplateResult | string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && /Fen$/.test(name)) return rmbFromFen(value);
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return dateTime(value);
  if (Array.isArray(value))
    return value.length === 0
      ? '[]'
      : html`<ol>
          ${value.map((item) => html`<li>${renderValue(name, item)}</li>`)}
        </ol>`;
  if (typeof value === 'object') return renderFields(value as Record<string, unknown>);
  return String(value);
};

export const renderFields = (record: Record<string, unknown>): TemplateResult =>
  html`<dl>
    ${Object.entries(record).map(
      ([name, value]) =>
        html`<dt>${name}</dt>
          <dd data-field=${name}>${renderValue(name, value)}</dd>`,
    )}
  </dl>`;

export const recordStyles = css`
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0;
  }
  dt {
    color: #57606a;
  }
  dd {
    margin: 0;
  }
  ol {
    margin: 0;
    padding-left: 20px;
  }
  .refused {
    color: #cf222e;
  }
`;

export class RecordView extends LitElement {
  static override properties = { path: { attribute: false }, answer: { state: true } };
  declare path: readonly string[];
  declare answer: ApiResult<Record<string, unknown>> | null;
  private loaded = '';

  constructor() {
    super();
    this.answer = null;
  }

  static override styles = [tableStyles, recordStyles];

  protected override willUpdate(): void {
    const path = this.path.join('/');
    if (path === this.loaded) return;
    this.loaded = path;
    this.answer = null;
    if (!RECORD_PATHS.some((pattern) => pattern.test(path))) return;
    void get<Record<string, unknown>>(
      `/${this.path.map(encodeURIComponent).join('/')}`,
      {},
      {
        headers: { 'x-access-reason': ACCESS_REASON },
      },
    ).then((answer) => {
      if (this.loaded === path) this.answer = answer;
    });
  }

  protected override render() {
    const answer = this.answer;
    return html`<p><a href="#/" @click=${this.back}>${t('back')}</a></p>
      <h2>${this.path.join(' / ')}</h2>
      ${!answer ? html`<p>${t('loading')}</p>` : nothing}
      ${answer?.kind === 'role-forbidden' ? html`<p data-state="role-forbidden">${t('notForRole')}</p>` : nothing}
      ${
        answer?.kind === 'refused'
          ? html`<p class="refused" data-state="refused">
              ${t('refused')}: ${answer.problem.status} ${answer.problem.code ?? ''}
            </p>`
          : nothing
      }
      ${answer?.kind === 'ok' ? html`<section data-record>${renderFields(answer.data)}</section>` : nothing}`;
  }

  private back(event: Event): void {
    event.preventDefault();
    history.back();
  }
}
customElements.define('crm-record', RecordView);
