import { decodeReadings } from './kpi-readings-loader';

/** How PostgreSQL prints a NUMERIC(18,4) value. */
const numeric = (value: number) => value.toFixed(4);

describe('decodeReadings', () => {
  it.each([
    ['plain values in week order', '2026-W01 12.5000,2026-W02 13.0000', [['2026-W01', 12.5], ['2026-W02', 13]]],
    ['negative and zero', '2026-W01 -0.0100,2026-W02 0.0000', [['2026-W01', -0.01], ['2026-W02', 0]]],
    ['unordered input is put in week order', '2026-W03 3,2025-W52 1,2026-W01 2', [['2025-W52', 1], ['2026-W01', 2], ['2026-W03', 3]]],
    ['integers without a point', '2026-W10 42', [['2026-W10', 42]]],
    ['more digits than a double holds exactly falls back to Number()', '2026-W10 12345678901234.5678', [['2026-W10', Number('12345678901234.5678')]]],
    ['exponent notation falls back to Number()', '2026-W10 1e3', [['2026-W10', 1000]]],
  ])('%s', (_label, text, expected) => {
    expect(decodeReadings(text).map((r) => [r.week, r.value])).toEqual(expected);
  });

  it('gives the same doubles as Number() for thousands of four-decimal values', () => {
    let state = 12345;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const values = Array.from({ length: 5000 }, () => (next() - 0.5) * 10 ** Math.floor(next() * 12));
    const weeks = values.map((_, i) => `${2000 + Math.floor(i / 52)}-W${String((i % 52) + 1).padStart(2, '0')}`);
    const text = values.map((value, i) => `${weeks[i]} ${numeric(value)}`).join(',');
    const decoded = decodeReadings(text);
    expect(decoded.map((r) => r.week)).toEqual(weeks);
    expect(decoded.map((r) => r.value)).toEqual(values.map((value) => Number(numeric(value))));
  });
});
