import { ComingSoonPage } from '../layout/ComingSoonPage';

// Will read the scale-queue endpoint (readiness score per pilot).
export default function ScaleQueuePage() {
  return (
    <ComingSoonPage title="Scale queue">
      Pilots ready to scale, ranked by readiness: adoption beyond the pilot team, KPIs at target and an
      engaged sponsor.
    </ComingSoonPage>
  );
}
