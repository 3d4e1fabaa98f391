import { css, html, LitElement, nothing } from 'lit';
import { get, type Problem, type WhoAmI } from '../api';
import { t } from '../i18n';

/** Pasting a credential; the API says who it is (`GET /access/whoami`) before the app keeps it. */
export class SignIn extends LitElement {
  static override properties = { problem: { state: true } };
  declare problem: Problem | null;

  constructor() {
    super();
    this.problem = null;
  }

  static override styles = css`
    form {
      max-width: 520px;
      margin: 64px auto;
      display: grid;
      gap: 12px;
    }
    input {
      font: inherit;
      padding: 6px;
    }
    .refused {
      color: #cf222e;
    }
  `;

  protected override render() {
    return html`<form @submit=${this.submit}>
      <h1>${t('signInTitle')}</h1>
      <p>${t('signInHint')}</p>
      <label
        >${t('credential')} <input name="credential" type="password" autocomplete="off" required
      /></label>
      <button type="submit">${t('signIn')}</button>
      ${
        this.problem
          ? html`<p class="refused" data-state="refused">
              ${t('signInRefused')}: ${this.problem.status} ${this.problem.code ?? ''}
            </p>`
          : nothing
      }
    </form>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector('input') as HTMLInputElement;
    const credential = input.value.trim().replace(/^Bearer\s+/i, '');
    const answer = await get<WhoAmI>('/access/whoami', {}, { credential });
    if (answer.kind !== 'ok') {
      this.problem = answer.problem;
      return;
    }
    this.problem = null;
    input.value = '';
    this.dispatchEvent(new CustomEvent('signed-in', { detail: { credential, who: answer.data } }));
  }
}
customElements.define('crm-sign-in', SignIn);
