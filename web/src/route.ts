/** The screen and its parameters, kept in the URL's hash so the server serves one page only. */
export type Route = Readonly<{ screen: string; path: readonly string[]; params: URLSearchParams }>;

export const currentRoute = (): Route => {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [screen = 'dashboard', ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { screen, path: rest, params: new URLSearchParams(search) };
};

export const hrefOf = (path: readonly string[], params: Record<string, string | undefined> = {}): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const query = search.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
};
