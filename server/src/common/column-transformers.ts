import { ValueTransformer } from 'typeorm';

/** pg returns NUMERIC as a string to keep precision; money figures here fit a JS number. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
