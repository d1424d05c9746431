import { Module } from '@nestjs/common';
import { AccountLinkMailer } from './account-link-mailer';
import { Mailer } from './mailer';

/** Outgoing email (SMTP_URL); used by notifications and by invite and reset links. */
@Module({ providers: [Mailer, AccountLinkMailer], exports: [Mailer, AccountLinkMailer] })
export class MailModule {}
