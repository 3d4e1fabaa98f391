import { css, html, LitElement, nothing } from 'lit';
import type { ApiResult, WhoAmI } from '../api';
import { language, t } from '../i18n';
import { WORKLIST_PAGE, WORKLISTS, type WorklistTable } from '../kpi/worklist-specs';
import { hrefOf } from '../route';
import { tableStyles } from './shared-styles';

/** The lists people work from; each row opens its record. */
export class Worklists extends LitElement {
  static override properties = {
    who: { attribute: false },
    params: { attribute: false },
    answer: { state: true },
  };
  declare who: WhoAmI;
  declare params: URLSearchParams;
  declare answer: ApiResult<WorklistTable> | null;
  private loaded = '';

  constructor() {
    super();
    this.answer = null;
  }

  static override styles = [
    tableStyles,
    css`
      nav a {
        margin-right: 12px;
      }
      nav a[aria-current='page'] {
        font-weight: bold;
      }
      .note {
        color: #57606a;
      }
      .refused {
        color: #cf222e;
      }
    `,
  ];

  private selection() {
    const list = WORKLISTS.find((one) => one.id === this.params.get('list')) ?? WORKLISTS[0];
    const dealerId = this.params.get('dealer') || this.who.dealerId || '';
    const offset = Math.max(0, Math.floor(Number(this.params.get('from') ?? 0)) || 0);
    return { list, dealerId, filter: this.params.get('filter') ?? '', offset };
  }

  protected override willUpdate(): void {
    const { list, dealerId, filter, offset } = this.selection();
    const key = `${list.id}|${dealerId}|${filter}|${offset}|${language()}`;
    if (key === this.loaded) return;
    this.loaded = key;
    this.answer = null;
    if (!dealerId) return;
    void list.load(dealerId, filter, offset).then((answer) => {
      if (this.loaded === key) this.answer = answer;
    });
  }

  protected override render() {
    const { list, dealerId, filter } = this.selection();
    const link = (params: Record<string, string>) =>
      hrefOf(['worklists'], { dealer: dealerId, list: list.id, ...params });
    return html`<nav>
        ${WORKLISTS.map(
          (one) =>
            html`<a
              href=${hrefOf(['worklists'], { dealer: dealerId, list: one.id })}
              data-list=${one.id}
              aria-current=${one.id === list.id ? 'page' : 'false'}
              >${t(one.label)}</a
            >`,
        )}
      </nav>
      ${
        this.who.dealerBound
          ? nothing
          : html`<form @submit=${this.pickDealer}>
              <label>${t('dealer')} <input name="dealer" .value=${dealerId} required /></label>
              <button type="submit">${t('show')}</button>
            </form>`
      }
      ${
        list.filters
          ? html`<p>
              ${t('clockStatus')}: <a href=${link({ filter: '' })}>${t('all')}</a>
              ${list.filters.map((one) => html` <a href=${link({ filter: one })} data-filter=${one}>${one}</a>`)}
              ${filter ? html`(${filter})` : nothing}
            </p>`
          : nothing
      }
      ${this.renderAnswer(dealerId)} ${this.renderPager(link)}`;
  }

  /** Where this page sits in the whole list, and the way to the pages before and after it. */
  private renderPager(link: (params: Record<string, string>) => string) {
    const answer = this.answer;
    if (answer?.kind !== 'ok' || answer.data.total === 0) return nothing;
    const { offset, total, rows } = answer.data;
    const filter = this.selection().filter;
    const to = (from: number) => link({ filter, from: String(from) });
    return html`<p class="note" data-pager>
      <span data-range>${offset + 1}–${offset + rows.length} / ${total}</span>
      ${offset > 0 ? html` <a href=${to(Math.max(0, offset - WORKLIST_PAGE))} data-page="previous">${t('previousPage')}</a>` : nothing}
      ${offset + rows.length < total ? html` <a href=${to(offset + WORKLIST_PAGE)} data-page="next">${t('nextPage')}</a>` : nothing}
    </p>`;
  }

  private renderAnswer(dealerId: string) {
    if (!dealerId) return html`<p class="note">${t('needsDealer')}</p>`;
    const answer = this.answer;
    if (!answer) return html`<p class="note">${t('loading')}</p>`;
    if (answer.kind === 'role-forbidden')
      return html`<p class="note" data-state="role-forbidden">${t('notForRole')}</p>`;
    if (answer.kind === 'refused')
      return html`<p class="refused" data-state="refused">
        ${t('refused')}: ${answer.problem.status} ${answer.problem.code ?? ''} ${answer.problem.detail ?? ''}
      </p>`;
    const table = answer.data;
    return html`<div class="scroll">
      <table data-worklist>
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
                      <td><a href=${row.href} data-open>${row.cells[0]}</a></td>
                      ${row.cells.slice(1).map((one) => html`<td>${one}</td>`)}
                    </tr>`,
                )
          }
        </tbody>
      </table>
    </div>`;
  }

  private pickDealer(event: Event): void {
    event.preventDefault();
    const dealer = String(new FormData(event.target as HTMLFormElement).get('dealer') ?? '');
    location.hash = hrefOf(['worklists'], { dealer, list: this.selection().list.id });
  }
}
customElements.define('crm-worklists', Worklists);
