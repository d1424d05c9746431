import type { WebhookEvent } from '@liftoff/shared';
import { describeEvent } from './event-text';

/** Slack's mrkdwn treats these three as markup. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack-compatible incoming webhook message: `text` for notifications and old clients, `blocks` for the layout. */
export function slackMessage(event: WebhookEvent, publicUrl: string): Record<string, unknown> {
  const text = describeEvent(event, publicUrl);
  return {
    text: `${text.title}: ${text.link.url}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: text.title.slice(0, 150), emoji: false } },
      ...(text.lines.length ? [{ type: 'section', text: { type: 'mrkdwn', text: slackEscape(text.lines.join('\n')).slice(0, 3000) } }] : []),
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: text.link.label }, url: text.link.url }],
      },
    ],
  };
}

/** A Microsoft Teams incoming webhook message carrying an Adaptive Card 1.4. */
export function teamsMessage(event: WebhookEvent, publicUrl: string): Record<string, unknown> {
  const text = describeEvent(event, publicUrl);
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: text.title, weight: 'Bolder', size: 'Medium', wrap: true },
            ...text.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true })),
          ],
          actions: [{ type: 'Action.OpenUrl', title: text.link.label, url: text.link.url }],
        },
      },
    ],
  };
}
