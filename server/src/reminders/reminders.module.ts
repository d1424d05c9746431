import { Module } from '@nestjs/common';
import { DueUpdatesController, ReminderSettingsController } from './reminders.controller';
import { ReminderSettingsService } from './reminder-settings.service';
import { ReminderService } from './reminder.service';
import { DueUpdatesService } from './due-updates.service';
import { ReminderJob } from './reminder-job';

/** Weekly-update reminders to leads, their escalation to sponsors and the program office, and the lead's due list. */
@Module({
  controllers: [ReminderSettingsController, DueUpdatesController],
  providers: [ReminderSettingsService, ReminderService, DueUpdatesService, ReminderJob],
  exports: [ReminderService],
})
export class RemindersModule {}
