// Small inline messages for single edge cases. Whole client-written messages
// live in test/fixtures/*.eml.
export const TEND = "tend@tend.example";
export const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };

/** The verdict Cloudflare's MX stamps on mail that passed DMARC for `domain`. */
export function cloudflarePass(domain: string): string {
  return `Authentication-Results: mx.cloudflare.net; dkim=pass header.d=${domain} header.s=20230601 header.b=AbCdEf12; dmarc=pass (policy=none) header.from=${domain}; spf=pass (mx.cloudflare.net: domain of sender designates 209.85.128.41 as permitted sender) smtp.mailfrom=${domain}`;
}

export interface InlineMessage {
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  messageId?: string;
  date?: string;
  /** Header lines placed above everything else (e.g. Authentication-Results). */
  top?: string[];
  headers?: string[];
  body?: string;
}

let counter = 0;

export function inlineMessage(m: InlineMessage = {}): string {
  counter += 1;
  const from = m.from ?? `${SAM.name} <${SAM.address}>`;
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? "gmail.com";
  const lines = [
    ...(m.top ?? [cloudflarePass(domain)]),
    `From: ${from}`,
    `To: ${m.to ?? TEND}`,
    ...(m.cc ? [`Cc: ${m.cc}`] : []),
    `Subject: ${m.subject ?? "Notes"}`,
    `Message-ID: ${m.messageId ?? `<inline-${counter}@mail.gmail.com>`}`,
    `Date: ${m.date ?? "Mon, 23 Nov 2026 10:00:00 -0800"}`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="UTF-8"',
    ...(m.headers ?? []),
    "",
    m.body ?? "Coffee with Ana Lima today.",
  ];
  return lines.join("\r\n");
}
