import { RequestValidationError } from './problem-details';

/**
 * Query-string names that changed (issue 16: one naming for time windows), the new name first and the
 * former one after it. The former name still works, so an integrator written against an earlier version
 * keeps working; given both with different values, the request is refused naming the former one.
 */
export const withCurrentNames = <P extends object, N extends string, O extends keyof P & string>(
  params: P,
  renames: Readonly<Record<N, O>>,
): Omit<P, O> & Partial<Record<N, P[O]>> => {
  const out: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  for (const [current, former] of Object.entries(renames) as [N, O][]) {
    const now = out[current];
    const then = out[former];
    delete out[former];
    if (then === undefined) continue;
    if (now !== undefined && now !== then)
      throw new RequestValidationError([
        {
          field: former,
          reason: `is the former name of ${current}, which says ${String(now)}: give ${current} only`,
        },
      ]);
    out[current] = then;
  }
  return out as Omit<P, O> & Partial<Record<N, P[O]>>;
};
