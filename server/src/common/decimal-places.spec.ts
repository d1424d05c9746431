import { decimalPlaces } from './validators';

describe('decimalPlaces', () => {
  it.each([
    [0, 0], [12, 0], [12.5, 1], [0.01, 2], [-3.25, 2], [1e21, 0], [1.5e21, 0], [4e-323, 323], [1.5e-7, 8], [Number.MIN_VALUE, 324], [123456.789, 3],
  ])('%p has %p', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });
});
