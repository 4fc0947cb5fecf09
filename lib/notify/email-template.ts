// The one e-mail template of Holdfast: a message's content (a heading, sections of linked lines)
// rendered twice, as plain text and as HTML, with links to PUBLIC_URL and, at the foot of every
// e-mail, a link to the recipient's notification settings.

export interface EmailLine {
  text: string;
  detail?: string;
  /** A path in the app (/accounts/…): made absolute with the server's public address. */
  href: string;
}

export interface EmailContent {
  subject: string;
  heading: string;
  intro?: string;
  sections: { title: string; lines: EmailLine[] }[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const PREFERENCES_PATH = "/account/notifications";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
/** One line of a header: no line breaks can reach the SMTP envelope. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ").trim();

export function renderEmail(content: EmailContent, publicUrl: string): RenderedEmail {
  const link = (href: string) => new URL(href, publicUrl).toString();
  const preferences = link(PREFERENCES_PATH);
  const text = [
    content.heading,
    "",
    ...(content.intro ? [content.intro, ""] : []),
    ...content.sections.flatMap((s) => [
      s.title,
      ...s.lines.map((l) => `- ${l.text}${l.detail ? ` — ${l.detail}` : ""}\n  ${link(l.href)}`),
      "",
    ]),
    "--",
    `Choose what Holdfast e-mails you: ${preferences}`,
    "",
  ].join("\n");
  const font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(oneLine(content.subject))}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;${font};color:#18181b">
<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 12px">${escape(content.heading)}</h1>
${content.intro ? `<p style="margin:0 0 16px;line-height:1.5">${escape(content.intro)}</p>` : ""}
${content.sections
  .map(
    (s) => `<h2 style="font-size:15px;margin:20px 0 8px">${escape(s.title)}</h2>
<ul style="margin:0;padding-left:20px;line-height:1.5">
${s.lines
  .map(
    (l) =>
      `<li style="margin-bottom:6px"><a href="${escape(link(l.href))}" style="color:#1d4ed8">${escape(l.text)}</a>${
        l.detail ? `<br><span style="color:#52525b">${escape(l.detail)}</span>` : ""
      }</li>`,
  )
  .join("\n")}
</ul>`,
  )
  .join("\n")}
<p style="margin:24px 0 0;font-size:13px;color:#52525b;border-top:1px solid #e4e4e7;padding-top:12px">
<a href="${escape(preferences)}" style="color:#52525b">Choose what Holdfast e-mails you</a></p>
</div></body></html>
`;
  return { subject: oneLine(content.subject), text, html };
}
