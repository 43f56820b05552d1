// A letter: what one email job says, before the delivery machinery (deliver-email.ts) adds the
// sender, the Message-ID and the ledger. Text and HTML parts come from the same pieces, in the
// organization's name and with the venue's name on top, so both read alike.
import type { MailAttachment } from '../mail/mailer.js';

export interface Letter {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments?: readonly MailAttachment[];
}

export interface LetterPieces {
  /** the organization writing (its name signs the letter) */
  readonly organizationName: string;
  /** the venue the letter is about, shown as its heading */
  readonly venueName: string;
  readonly greeting: string;
  /** paragraphs before the facts */
  readonly lead: readonly string[];
  /** label → value lines: reference, dates, names */
  readonly facts: ReadonlyArray<readonly [string, string]>;
  /** a person's own words (the manager's note), quoted as they wrote them */
  readonly quote?: { readonly label: string; readonly text: string };
  /** paragraphs after the facts */
  readonly close: readonly string[];
}

export function writeLetter(to: readonly string[], subject: string, pieces: LetterPieces): Letter {
  return { to, subject, text: asText(pieces), html: asHtml(subject, pieces) };
}

function asText(p: LetterPieces): string {
  const width = Math.max(0, ...p.facts.map(([label]) => label.length));
  const lines = [
    p.venueName,
    '='.repeat(Math.min(60, p.venueName.length)),
    '',
    p.greeting,
    '',
    ...p.lead.flatMap((paragraph) => [paragraph, '']),
    ...p.facts.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`),
    ...(p.facts.length > 0 ? [''] : []),
    ...(p.quote ? [`${p.quote.label}:`, ...p.quote.text.split('\n').map((line) => `> ${line}`), ''] : []),
    ...p.close.flatMap((paragraph) => [paragraph, '']),
    `${p.organizationName}`,
    `-- sent by PromoterOS for ${p.organizationName}`,
  ];
  return lines.join('\n');
}

function asHtml(subject: string, p: LetterPieces): string {
  const paragraph = (text: string) => `<p style="margin:0 0 12px">${escapeHtml(text)}</p>`;
  const facts =
    p.facts.length === 0
      ? ''
      : `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${p.facts
          .map(
            ([label, value]) =>
              `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;color:#555;font-weight:600;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join('')}</table>`;
  const quote = p.quote
    ? `<p style="margin:0 0 4px;color:#555">${escapeHtml(p.quote.label)}:</p><blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #6b4eff;background:#f6f4ff;white-space:pre-wrap">${escapeHtml(p.quote.text)}</blockquote>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f4f4f6;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.5;color:#1d1d22">
<div style="max-width:600px;margin:0 auto;background:#fff">
<div style="background:#1d1d22;color:#fff;padding:16px 24px">
<div style="font-size:12px;letter-spacing:1px;text-transform:uppercase;opacity:.75">${escapeHtml(p.organizationName)}</div>
<div style="font-size:22px;font-weight:700">${escapeHtml(p.venueName)}</div>
</div>
<div style="padding:24px">
${paragraph(p.greeting)}
${p.lead.map(paragraph).join('\n')}
${facts}
${quote}
${p.close.map(paragraph).join('\n')}
<p style="margin:24px 0 0">${escapeHtml(p.organizationName)}</p>
</div>
<div style="padding:12px 24px;font-size:12px;color:#777;border-top:1px solid #eee">Sent by PromoterOS for ${escapeHtml(p.organizationName)}.</div>
</div>
</body></html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
