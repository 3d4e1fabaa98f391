import { storedCredential } from './session';

/** The API's problem+json answer (RFC 9457) with its stable code. */
export type Problem = Readonly<{ status: number; code?: string; title?: string; detail?: string }>;

/**
 * What a read gives the screens: the data, a refusal of the role (shown as "not available for your
 * role"), any other refusal or error with the API's own words (a dealer the credential may not see).
 */
export type ApiResult<T> =
  | Readonly<{ kind: 'ok'; data: T }>
  | Readonly<{ kind: 'role-forbidden'; problem: Problem }>
  | Readonly<{ kind: 'refused'; problem: Problem }>;

export type Query = Readonly<Record<string, string | number | undefined>>;

/** Why the web app opens a record (recorded in the access audit, as every single-record read is). */
export const ACCESS_REASON = 'opened from the web app';

export const urlOf = (path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

const problemOf = async (response: Response): Promise<Problem> => {
  try {
    const body = (await response.json()) as Partial<Problem> & { message?: string };
    return { ...body, status: response.status, detail: body.detail ?? body.message };
  } catch {
    return { status: response.status, detail: response.statusText };
  }
};

/** A GET with the signed-in credential; `credential` overrides it (the sign-in screen's first call). */
export const get = async <T>(
  path: string,
  query: Query = {},
  options: Readonly<{ credential?: string; headers?: Record<string, string> }> = {},
): Promise<ApiResult<T>> => {
  const credential = options.credential ?? storedCredential() ?? '';
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), {
      headers: { accept: 'application/json', authorization: `Bearer ${credential}`, ...options.headers },
    });
  } catch (error) {
    return { kind: 'refused', problem: { status: 0, detail: String(error) } };
  }
  if (response.ok) return { kind: 'ok', data: (await response.json()) as T };
  const problem = await problemOf(response);
  return problem.status === 403 && problem.code === 'ROLE_FORBIDDEN'
    ? { kind: 'role-forbidden', problem }
    : { kind: 'refused', problem };
};

export type WhoAmI = Readonly<{
  userId: string;
  role: string;
  dealerId: string | null;
  dealerBound: boolean;
}>;
