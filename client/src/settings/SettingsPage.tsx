import { ComingSoonPage } from '../layout/ComingSoonPage';

// Will edit signal thresholds, business units and people.
export default function SettingsPage() {
  return (
    <ComingSoonPage title="Settings">
      Signal thresholds (when a pilot counts as silent or stalled), business units and people.
    </ComingSoonPage>
  );
}
