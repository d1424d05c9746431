/** The paper sizes a pack prints on, with the chart width that fits inside each page's margins (14 mm a side). */
export const PAPERS = {
  a4: { label: 'A4', chartWidth: 660 },
  letter: { label: 'Letter', chartWidth: 680 },
} as const;
export type Paper = keyof typeof PAPERS;

export function paperOf(value: string | null): Paper {
  return value === 'letter' ? 'letter' : 'a4';
}
