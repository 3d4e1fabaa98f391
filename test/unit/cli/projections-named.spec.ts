import { ALL_PROJECTIONS } from '../../../src/application/features';
import { projectionsNamed } from '../../../src/cli/analytics/cli-stores';

describe('crm projections rebuild <names>', () => {
  it('takes --all, or the name all alone as the admin route does, for every projection', () => {
    expect(projectionsNamed([], true)).toHaveLength(ALL_PROJECTIONS.length);
    expect(projectionsNamed(['all'], false).map((p) => p.name)).toEqual(ALL_PROJECTIONS.map((p) => p.name));
  });

  it('takes names, and refuses an unknown one or none, naming what to do', () => {
    expect(projectionsNamed(['care-tasks'], false).map((p) => p.name)).toEqual(['care-tasks']);
    expect(() => projectionsNamed(['all', 'care-tasks'], false)).toThrow('no projection named all');
    expect(() => projectionsNamed([], false)).toThrow('name at least one projection, or use --all');
  });
});
