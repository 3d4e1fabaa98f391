import { css, html, LitElement } from 'lit';
import { get, type WhoAmI } from '../api';
import { businessMonthOf } from '../format';
import { language, t } from '../i18n';
import { PANELS } from '../kpi/dashboard-loaders';
import type { DashboardScope } from '../kpi/dashboard-panels';
import type { PanelView } from '../kpi/panel-types';
import { hrefOf } from '../route';

/**
 * The manager's dashboard for a dealer (OEM roles: any dealer or the whole network) and a month with the
 * twelve before it. The dealer picker offers only what the credential may see; a dealer forced into the
 * URL is asked for all the same, and the panels show the API's refusal.
 */
export class Dashboard extends LitElement {
  static override properties = {
    who: { attribute: false },
    params: { attribute: false },
    views: { state: true },
    dealers: { state: true },
  };
  declare who: WhoAmI;
  declare params: URLSearchParams;
  declare views: Record<string, PanelView>;
  declare dealers: string[];
  private loadedScope = '';

  constructor() {
    super();
    this.views = {};
    this.dealers = [];
  }

  static override styles = css`
    form {
      display: flex;
      gap: 12px;
      align-items: end;
      margin-bottom: 16px;
    }
    .panels {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(520px, 1fr));
      gap: 16px;
    }
  `;

  private scope(): DashboardScope {
    const dealerId = this.params.get('dealer') || (this.who.dealerBound ? this.who.dealerId : null);
    return { dealerId, month: this.params.get('month') || businessMonthOf(new Date()) };
  }

  protected override willUpdate(): void {
    const scope = this.scope();
    const key = `${scope.dealerId ?? ''}|${scope.month}|${language()}`;
    if (key === this.loadedScope) return;
    this.loadedScope = key;
    this.views = {};
    for (const panel of PANELS)
      void panel.load(scope).then((view) => {
        if (this.loadedScope === key) this.views = { ...this.views, [panel.id]: view };
      });
    if (this.dealers.length === 0) void this.findDealers();
  }

  /** A network role learns the dealers from the rows it may read; a dealer-bound one has its own only. */
  private async findDealers(): Promise<void> {
    if (this.who.dealerBound) {
      this.dealers = this.who.dealerId ? [this.who.dealerId] : [];
      return;
    }
    const found = new Set<string>();
    for (const path of [
      '/loyalty/tiers',
      '/service/workshop/monthly',
      '/sales/ssi/monthly',
      '/complaints/compliance',
    ]) {
      const answer = await get<{ dealerId: string }[]>(path);
      if (answer.kind === 'ok') for (const row of answer.data) found.add(row.dealerId);
    }
    this.dealers = [...found].sort();
  }

  protected override render() {
    const scope = this.scope();
    return html`<form @submit=${this.show}>
        <label
          >${t('dealer')}
          <select name="dealer">
            ${this.who.dealerBound ? '' : html`<option value="" ?selected=${!scope.dealerId}>${t('network')}</option>`}
            ${this.dealers.map(
              (dealer) =>
                html`<option value=${dealer} ?selected=${dealer === scope.dealerId}>${dealer}</option>`,
            )}
          </select>
        </label>
        <label>${t('month')} <input name="month" type="month" .value=${scope.month} /></label>
        <button type="submit">${t('show')}</button>
      </form>
      <div class="panels">
        ${PANELS.map(
          (panel) =>
            html`<crm-kpi-panel
              panel-id=${panel.id}
              data-panel=${panel.id}
              .heading=${panel.title()}
              .view=${this.views[panel.id] ?? { kind: 'loading' }}
              .filePrefix=${`${panel.id}-${scope.dealerId ?? 'network'}-${scope.month}`}
            ></crm-kpi-panel>`,
        )}
      </div>`;
  }

  private show(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    location.hash = hrefOf(['dashboard'], {
      dealer: String(form.get('dealer') ?? ''),
      month: String(form.get('month') ?? ''),
    });
  }
}
customElements.define('crm-dashboard', Dashboard);
