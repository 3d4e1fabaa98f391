import { GroupCommit } from '../../../src/infrastructure/sqlite/group-commit';

describe('GroupCommit', () => {
  it('hands the requests of one turn to one commit, in order, and each caller gets its own outcome', async () => {
    const groups: number[][] = [];
    const group = new GroupCommit<number, number>((requests) => {
      groups.push([...requests]);
      return requests.map((n) =>
        n % 2 === 0 ? { ok: true, value: n * 10 } : { ok: false, error: `odd ${n}` },
      );
    });
    const first = await Promise.allSettled([group.submit(1), group.submit(2), group.submit(4)]);
    const second = await group.submit(6);
    expect(groups).toEqual([[1, 2, 4], [6]]);
    expect(first).toEqual([
      { status: 'rejected', reason: 'odd 1' },
      { status: 'fulfilled', value: 20 },
      { status: 'fulfilled', value: 40 },
    ]);
    expect(second).toBe(60);
  });

  it('fails every request of a group whose commit throws, and commits the next group afresh', async () => {
    let fail = true;
    const committed: string[] = [];
    const group = new GroupCommit<string, string>(
      (requests) => {
        if (fail) throw new Error('disk I/O error');
        return requests.map((value) => ({ ok: true, value }));
      },
      (requests) => committed.push(...requests),
    );
    const failed = await Promise.allSettled([group.submit('a'), group.submit('b')]);
    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(committed).toEqual([]);
    fail = false;
    await expect(group.submit('c')).resolves.toBe('c');
    expect(committed).toEqual(['c']);
  });

  it('settles nothing before the commit has returned', async () => {
    const order: string[] = [];
    const group = new GroupCommit<string, string>((requests) => {
      order.push('commit');
      return requests.map((value) => ({ ok: true, value }));
    });
    const answered = group.submit('a').then(() => order.push('answered'));
    await Promise.resolve();
    expect(order).toEqual([]);
    await answered;
    expect(order).toEqual(['commit', 'answered']);
  });
});
