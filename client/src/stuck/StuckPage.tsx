import { ComingSoonPage } from '../layout/ComingSoonPage';

// Will list flags (stuck signals with their evidence) once the flags endpoint exists.
export default function StuckPage() {
  return (
    <ComingSoonPage title="Stuck pilots">
      Pilots showing signs of pilot purgatory — silence, repeated blockers, falling confidence — with the
      evidence behind each signal and a recommended next step.
    </ComingSoonPage>
  );
}
