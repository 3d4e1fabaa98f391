/**
 * The bearer credential the user pasted, kept for this tab only (sessionStorage: gone when the tab closes,
 * never shared with other tabs the way localStorage would be). Signing out removes it.
 */
const CREDENTIAL_KEY = 'crm.credential';
const LANGUAGE_KEY = 'crm.language';

export const storedCredential = (): string | null => sessionStorage.getItem(CREDENTIAL_KEY);
export const storeCredential = (credential: string): void =>
  sessionStorage.setItem(CREDENTIAL_KEY, credential);
export const storedLanguage = (): string | null => sessionStorage.getItem(LANGUAGE_KEY);
export const storeLanguage = (language: string): void => sessionStorage.setItem(LANGUAGE_KEY, language);
export const signOut = (): void => {
  sessionStorage.removeItem(CREDENTIAL_KEY);
  sessionStorage.removeItem(LANGUAGE_KEY);
};
