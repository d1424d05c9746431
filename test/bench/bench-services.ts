/** The app's services that benchmarks build by hand, without starting Nest, wired as the app wires them. */
import { ConfigService } from '@nestjs/config';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../server/dist/config/config.schema';
import { AnalysisChangesCollector } from '../../server/dist/events/analysis-changes.collector';
import { DomainEvents } from '../../server/dist/events/domain-events.service';
import { SettingsService } from '../../server/dist/settings/settings.service';

/** The configuration the services read: only the dashboard's address, for links in messages. */
export const benchConfig = () => new ConfigService<AppConfig, true>({ PUBLIC_URL: 'http://127.0.0.1:3000' });

export function settingsServiceFor(dataSource: DataSource, events: DomainEvents = new DomainEvents()): SettingsService {
  return new SettingsService(dataSource, events, new AnalysisChangesCollector(events), benchConfig());
}
