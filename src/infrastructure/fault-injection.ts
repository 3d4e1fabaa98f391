/**
 * Crash points for the exactly-once tests. A test starts a real child process with
 * `CRM_FAULT_INJECT=<point>@<n>`; on the n-th time the process reaches that point it kills itself with
 * SIGKILL, leaving whatever was half done exactly as a power cut or OOM kill would. Unset in production.
 */
export type FaultPoint =
  'read-store:after-docs-before-checkpoint' | 'reactor:after-command-before-checkpoint';

const spec = process.env.CRM_FAULT_INJECT;
const [armedPoint, armedCount] = spec ? spec.split('@') : [undefined, undefined];
let hits = 0;

export const hitFaultPoint = (point: FaultPoint): void => {
  if (armedPoint !== point) return;
  hits += 1;
  if (hits >= Number(armedCount ?? '1')) process.kill(process.pid, 'SIGKILL');
};
