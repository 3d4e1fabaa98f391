import { ExecuteComplaintCommand } from '../../../src/application/complaint/complaint.commands';
import type { ComplaintCommand } from '../../../src/domain/complaint/complaint.commands';
import {
  AssignComplaintBody,
  FileComplaintBody,
  ReasonBody,
} from '../../../src/infrastructure/http/complaint/complaint.bodies';
import { commandRoutes } from '../../../src/infrastructure/http/shared/command-routes';
import { commandTarget } from '../../../src/infrastructure/http/shared/command-sender';
import { routeTable } from '../../../src/infrastructure/http/shared/route-table';

const COMPLAINT = commandTarget<ComplaintCommand>()('complaint', 'complaintId', ExecuteComplaintCommand);
const { opens, step } = commandRoutes(COMPLAINT, { notFound: 'COMPLAINT_NOT_FOUND', collection: '/c' });
const doc = { summary: 'a route' };

describe('a command route table', () => {
  it('accepts an entry whose body is its command data, and names each method after its entry', () => {
    const Routes = routeTable({
      reopen: step('reopen', 'ReopenComplaint', ReasonBody, 'complaint.handle', doc),
      file: opens('', 'FileComplaint', FileComplaintBody, 'complaint.file', doc),
    });
    expect(Routes.prototype.reopen.name).toBe('reopen');
    expect(Reflect.getMetadata('design:paramtypes', Routes.prototype, 'reopen')).toEqual([
      ReasonBody,
      Object,
    ]);
  });

  it('does not compile an entry whose body is not its command data, nor an unknown command', () => {
    // `tsc` (npm test's typecheck) fails if either line compiles: a body drifting from its command.
    // @ts-expect-error ReopenComplaint needs `reason`, which an assignment body lacks
    step('reopen', 'ReopenComplaint', AssignComplaintBody, 'complaint.handle', doc);
    // @ts-expect-error not a complaint command
    step('reopen', 'RedeemPoints', ReasonBody, 'complaint.handle', doc);
    expect(true).toBe(true);
  });
});
