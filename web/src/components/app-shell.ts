import { css, html, LitElement, nothing } from 'lit';
import { get, type WhoAmI } from '../api';
import { language, setLanguage, t, type Language } from '../i18n';
import { currentRoute, hrefOf, type Route } from '../route';
import { signOut, storeCredential, storedCredential, storedLanguage, storeLanguage } from '../session';
import './complaint-view';
import './dashboard';
import './kpi-panel';
import './record-view';
import './sign-in';
import './worklists';

/** The page: sign-in until a credential is proven, then the screens its role may use. */
export class AppShell extends LitElement {
  static override properties = { who: { state: true }, route: { state: true }, checking: { state: true } };
  declare who: WhoAmI | null;
  declare route: Route;
  declare checking: boolean;

  constructor() {
    super();
    this.who = null;
    this.route = currentRoute();
    this.checking = storedCredential() !== null;
    setLanguage((storedLanguage() as Language | null) ?? 'zh-CN');
  }

  static override styles = css`
    :host {
      display: block;
      font-family: system-ui, 'Noto Sans CJK SC', sans-serif;
      color: #1f2328;
    }
    header {
      display: flex;
      gap: 16px;
      align-items: center;
      padding: 8px 16px;
      background: #24292f;
      color: #fff;
    }
    header a {
      color: #fff;
    }
    header .who {
      margin-left: auto;
      font-size: 0.85rem;
    }
    main {
      padding: 16px;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    if (this.checking)
      void get<WhoAmI>('/access/whoami').then((answer) => {
        this.checking = false;
        if (answer.kind === 'ok') this.signedIn(answer.data);
        else signOut();
      });
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  private readonly onHashChange = (): void => {
    this.route = currentRoute();
  };

  private signedIn(who: WhoAmI, credential?: string): void {
    if (credential) storeCredential(credential);
    // Dealer staff read Chinese first; network roles start in English. Either may switch.
    if (!storedLanguage()) setLanguage(who.dealerBound ? 'zh-CN' : 'en');
    this.who = who;
  }

  private switchLanguage(): void {
    const next: Language = language() === 'zh-CN' ? 'en' : 'zh-CN';
    setLanguage(next);
    storeLanguage(next);
    this.requestUpdate();
    for (const screen of this.renderRoot.querySelectorAll('main > *')) (screen as LitElement).requestUpdate();
  }

  private signOut(): void {
    signOut();
    this.who = null;
    location.hash = '';
  }

  protected override render() {
    if (this.checking) return html`<main>${t('loading')}</main>`;
    const who = this.who;
    return html`<header>
        <strong>${t('appTitle')}</strong>
        ${
          who
            ? html`<a href=${hrefOf(['dashboard'])} data-nav="dashboard">${t('dashboard')}</a>
                <a href=${hrefOf(['worklists'])} data-nav="worklists">${t('worklists')}</a>`
            : nothing
        }
        <span class="who"
          >${who ? html`${t('signedInAs')} ${who.userId} · ${who.role}${who.dealerId ? ` · ${who.dealerId}` : ''}` : nothing}</span
        >
        <button data-action="language" @click=${this.switchLanguage}>
          ${language() === 'zh-CN' ? 'English' : '中文'}
        </button>
        ${who ? html`<button data-action="sign-out" @click=${this.signOut}>${t('signOut')}</button>` : nothing}
      </header>
      <main>${who ? this.screen(who) : this.signInScreen()}</main>`;
  }

  private signInScreen() {
    return html`<crm-sign-in
      @signed-in=${(event: CustomEvent<{ credential: string; who: WhoAmI }>) =>
        this.signedIn(event.detail.who, event.detail.credential)}
    ></crm-sign-in>`;
  }

  private screen(who: WhoAmI) {
    const { screen, path, params } = this.route;
    switch (screen) {
      case 'worklists':
        return html`<crm-worklists .who=${who} .params=${params}></crm-worklists>`;
      case 'record':
        return html`<crm-record .path=${path}></crm-record>`;
      case 'complaint':
        return html`<crm-complaint .complaintId=${path[0] ?? ''}></crm-complaint>`;
      default:
        return html`<crm-dashboard .who=${who} .params=${params}></crm-dashboard>`;
    }
  }
}
customElements.define('crm-app', AppShell);
