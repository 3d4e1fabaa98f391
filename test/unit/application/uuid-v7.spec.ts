import { uuidV7 } from '../../../src/application/shared/uuid-v7';

describe('uuidV7', () => {
  it('is a version 7, variant 1 UUID', () => {
    expect(uuidV7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts in the order it was made, within one millisecond and across them', () => {
    const made = [
      ...Array.from({ length: 500 }, () => uuidV7(1_700_000_000_000)),
      ...Array.from({ length: 10 }, () => uuidV7(1_700_000_000_001)),
    ];
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('starts with the time in milliseconds, and never goes back when the clock does', () => {
    expect(uuidV7(0x01f23456789a).replace(/-/g, '').slice(0, 12)).toBe('01f23456789a');
    expect(uuidV7(0x018000000000).replace(/-/g, '').slice(0, 12)).toBe('01f23456789a');
  });
});
