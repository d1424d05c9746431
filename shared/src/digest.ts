/** The weekly portfolio digest (issue 13): when it goes out, and what its preview answers. */
import type { PortfolioDigestEvent } from './webhook-events';
import type { Weekday } from './weekly-moment';

/** One row: the digest goes out weekly on `weekday` at `hour`, on each recipient's own clock. */
export interface DigestSettings {
  enabled: boolean;
  /** ISO weekday, 1 (Monday) to 7 (Sunday). */
  weekday: Weekday;
  /** 0–23. */
  hour: number;
  version: number;
  updatedAt: string;
}

export interface UpdateDigestSettingsRequest {
  version: number;
  enabled?: boolean;
  weekday?: Weekday;
  hour?: number;
}

/** What a digest says (the `data` of the `portfolio.digest` event). */
export type PortfolioDigest = PortfolioDigestEvent['data'];

/** The digest the signed-in person would receive if it were composed now. */
export interface DigestPreview {
  digest: PortfolioDigest;
  /** The person's time zone, in which `digest.from` and `digest.to` are days. */
  timeZone: string;
}
