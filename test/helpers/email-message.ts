// A ForwardableEmailMessage built from real .eml bytes, as Email Routing hands
// one to the Worker. There is no runtime helper for the email event.
export interface DeliveredMessage extends ForwardableEmailMessage {
  /** The reason passed to setReject, or null when the message was accepted. */
  readonly rejection: string | null;
}

function headerBlock(raw: string): Headers {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const headers = new Headers();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      // The runtime drops header lines it cannot represent; so does this fake.
    }
  }
  return headers;
}

export function emailMessage(
  raw: string | Uint8Array,
  envelope: { from: string; to: string; declaredSize?: number },
): DeliveredMessage {
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  let rejection: string | null = null;
  return {
    from: envelope.from,
    to: envelope.to,
    headers: headerBlock(new TextDecoder("latin1").decode(bytes.slice(0, 64 * 1024))),
    raw: new Blob([bytes]).stream(),
    rawSize: envelope.declaredSize ?? bytes.byteLength,
    canBeForwarded: true,
    get rejection() {
      return rejection;
    },
    setReject(reason: string) {
      rejection = reason;
    },
    async forward() {
      throw new Error("Tend never forwards mail");
    },
    async reply() {
      throw new Error("Tend replies through the send_email binding, not message.reply()");
    },
  };
}
