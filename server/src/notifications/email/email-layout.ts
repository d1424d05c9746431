/**
 * One shape for every notification email: a heading, a few lines, sections of linked items, and a
 * footer with the unsubscribe link. Rendered twice, as HTML and as plain text, from the same content.
 */
export interface EmailLink {
  text: string;
  url: string;
}

export interface EmailItem {
  text: string;
  /** Smaller text under the item (a reason, a summary). */
  detail?: string;
  link?: EmailLink;
}

export interface EmailSection {
  title: string;
  items: EmailItem[];
}

export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  sections: EmailSection[];
  action?: EmailLink;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The footer's words: why this email came, and how to stop it. */
export interface EmailFooter {
  reason: string;
  unsubscribeUrl: string | null;
  settingsUrl: string;
}

export function renderEmail(content: EmailContent, footer: EmailFooter): RenderedEmail {
  return { subject: content.subject, html: toHtml(content, footer), text: toText(content, footer) };
}

function toText(content: EmailContent, footer: EmailFooter): string {
  const lines: string[] = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  for (const section of content.sections) {
    lines.push(section.title, '-'.repeat(Math.min(section.title.length, 60)));
    for (const item of section.items) {
      lines.push(`* ${item.text}`);
      if (item.detail) lines.push(`  ${item.detail}`);
      if (item.link) lines.push(`  ${item.link.text}: ${item.link.url}`);
    }
    lines.push('');
  }
  if (content.action) lines.push(`${content.action.text}: ${content.action.url}`, '');
  lines.push('--', footer.reason, `Your notification settings: ${footer.settingsUrl}`);
  if (footer.unsubscribeUrl) lines.push(`Stop these emails: ${footer.unsubscribeUrl}`);
  return `${lines.join('\n')}\n`;
}

const link = (l: EmailLink) => `<a href="${escapeHtml(l.url)}" style="color:#1d4ed8">${escapeHtml(l.text)}</a>`;

function toHtml(content: EmailContent, footer: EmailFooter): string {
  const sections = content.sections
    .map(
      (section) =>
        `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(section.title)}</h2><ul style="padding-left:20px;margin:0">${section.items
          .map(
            (item) =>
              `<li style="margin:0 0 8px">${escapeHtml(item.text)}${item.link ? ` · ${link(item.link)}` : ''}${
                item.detail ? `<br><span style="color:#4b5563;font-size:13px">${escapeHtml(item.detail)}</span>` : ''
              }</li>`,
          )
          .join('')}</ul>`,
    )
    .join('');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.text)}</a></p>`
    : '';
  const unsubscribe = footer.unsubscribeUrl ? ` · <a href="${escapeHtml(footer.unsubscribeUrl)}" style="color:#4b5563">Stop these emails</a>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827;line-height:1.5;max-width:40rem;margin:0 auto;padding:16px">
<h1 style="font-size:20px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${sections}
${action}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:32px 0 12px">
<p style="color:#4b5563;font-size:12px">${escapeHtml(footer.reason)} <a href="${escapeHtml(footer.settingsUrl)}" style="color:#4b5563">Notification settings</a>${unsubscribe}</p>
</body></html>`;
}
