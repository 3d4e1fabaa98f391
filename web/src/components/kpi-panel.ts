import type { Chart } from 'chart.js';
import { css, html, LitElement, nothing } from 'lit';
import { drawChart } from '../chart-setup';
import { csvOfTable, downloadCsv } from '../csv-download';
import { t } from '../i18n';
import type { PanelView, Table } from '../kpi/panel-types';
import { tableStyles } from './shared-styles';

/** One dashboard panel: its chart, the same figures as tables below it, and a CSV of each table. */
export class KpiPanel extends LitElement {
  static override properties = {
    panelId: { type: String, attribute: 'panel-id' },
    heading: { type: String },
    view: { attribute: false },
    filePrefix: { attribute: false },
  };
  declare panelId: string;
  declare heading: string;
  declare view: PanelView;
  declare filePrefix: string;
  private chart: Chart | undefined;

  constructor() {
    super();
    this.view = { kind: 'loading' };
    this.filePrefix = 'kpi';
  }

  static override styles = [
    tableStyles,
    css`
      :host {
        display: block;
        border: 1px solid #d0d7de;
        border-radius: 6px;
        padding: 12px 16px;
        background: #fff;
      }
      h2 {
        font-size: 1.05rem;
        margin: 0 0 8px;
      }
      .chart {
        position: relative;
        height: 220px;
      }
      .note {
        color: #57606a;
        padding: 24px 0;
      }
      .refused {
        color: #cf222e;
      }
      button {
        margin: 6px 0 12px;
      }
    `,
  ];

  protected override render() {
    const view = this.view;
    return html`<h2>${this.heading}</h2>
      ${view.kind === 'loading' ? html`<p class="note">${t('loading')}</p>` : nothing}
      ${view.kind === 'role-forbidden' ? html`<p class="note" data-state="role-forbidden">${t('notForRole')}</p>` : nothing}
      ${view.kind === 'needs-dealer' ? html`<p class="note" data-state="needs-dealer">${t('needsDealer')}</p>` : nothing}
      ${
        view.kind === 'refused'
          ? html`<p class="note refused" data-state="refused">
              ${t('refused')}: ${view.problem.status} ${view.problem.code ?? ''} ${view.problem.detail ?? ''}
            </p>`
          : nothing
      }
      ${
        view.kind === 'ready'
          ? html`<div class="chart"><canvas></canvas></div>
              ${view.tables.map((table) => this.renderTable(table))}`
          : nothing
      }`;
  }

  private renderTable(table: Table) {
    return html`<table data-table=${table.id}>
        <thead>
          <tr>
            ${table.columns.map((column) => html`<th>${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${
            table.rows.length === 0
              ? html`<tr>
                  <td colspan=${table.columns.length}>${t('noRows')}</td>
                </tr>`
              : table.rows.map(
                  (row) =>
                    html`<tr>
                      ${row.map((one) => html`<td data-value=${one.value === null ? '' : String(one.value)}>${one.text}</td>`)}
                    </tr>`,
                )
          }
        </tbody>
      </table>
      <button
        data-csv=${table.id}
        @click=${() => downloadCsv(`${this.filePrefix}-${table.id}.csv`, csvOfTable(table))}
      >
        ${t('downloadCsv')}
      </button>`;
  }

  protected override updated(): void {
    this.chart?.destroy();
    this.chart = undefined;
    const canvas = this.renderRoot.querySelector('canvas');
    if (canvas && this.view.kind === 'ready') this.chart = drawChart(canvas, this.view.chart);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
  }
}
customElements.define('crm-kpi-panel', KpiPanel);
