// How mail clients, in many languages, write the line or block that starts quoted
// history, the line that starts a forwarded message, and their own taglines. Every
// pattern reads one line (or a few joined lines) and has no nested quantifiers, so
// each runs in time linear in the line it reads.

/** "wrote" as clients write it in an attribution line ("On … wrote:", "Am … schrieb:", "… 写道："). */
const WROTE = [
  "wrote", "writes", "sent", "schrieb", "schreibt", "a écrit", "écrit", "escribió", "escribio", "ha scritto", "scrisse",
  "schreef", "het volgende geschreven", "geschreven", "skrev", "skriver", "napisał", "napisała", "napisal", "napisał\\(a\\)",
  "napsal", "napsala", "napsal\\(a\\)", "kirjoitti", "írta", "ezt írta", "escreveu", "написал", "написала", "написал\\(а\\)",
  "пишет", "от", "написав", "написала\\(в\\)", "yazdı", "a scris", "je napisal", "je napisala", "kirjutas", "rašė", "rakstīja",
  "写道", "寫道", "写了", "寫了", "書きました", "のメッセージ", "작성", "έγραψε", "כתב", "كتب",
  "pisze", "escribe", "scrive", "schrijft", "kirjoittaa", "píše", "napísal", "napísala", "je napisao", "je napisala", "написао",
  "написа", "đã viết", "menulis", "skrev følgende", "va escriure", "scrie",
];

// Built from fixed word lists; each alternative is literal text.
const WROTE_RE = new RegExp(`(?:^|[\\s,>)"'])(?:${WROTE.join("|")})(?=$|[\\s:：(,])|写道|寫道|書きました`, "iu");

/** "Ana Lima wrote:" with nothing else: a name, the word for "wrote", a colon. */
const ENDS_WITH_WROTE = new RegExp(`(?:^|\\s)(?:${WROTE.join("|")})\\s?[:：]\\s*$|(?:写道|寫道)[:：]\\s*$`, "iu");
/** A bare attribution is a name and one word; longer lines ending "wrote:" are the author's sentences ("Here is what she wrote:"). */
export const MAX_BARE_ATTRIBUTION_CHARS = 60;
/** "Ana wrote:" with no date or address; an attribution only when quoted lines follow it to the end (the caller checks). */
export function isBareAttribution(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_BARE_ATTRIBUTION_CHARS && !text.startsWith(">") && ENDS_WITH_WROTE.test(text) && !/[.!?。]/u.test(text);
}

/** An attribution line ends with a colon, possibly after the sender's address in brackets. */
const ENDS_WITH_COLON = /[:：]\s*$/u;
/** Attribution lines carry a date or time, or the quoted sender's address. */
const HAS_DATE_OR_ADDRESS = /[@<＜]|\d{1,2}[:.]\d{2}|\d{4}|\d{1,2}[./-]\d{1,2}/u;
/** Words an attribution line opens with ("On", "Am", "Le", "W dniu"…), for lines that carry only a date. */
const ATTRIBUTION_START = /^(?:on|am|le|el|il|op|den|på|dne|w dniu|em|в|el día|le jeudi|the)\s/iu;

/** "2014-10-17 11:28 GMT+03:00 Postmaster <postmaster@x>:" and "30.09.2017, 18.30, "John" <j@x>:" */
const DATE_NAME_COLON = /^\s*\d{1,4}[-./年]\d{1,2}[-./月]\d{1,4}[^@]{0,80}[<(]?[^\s@<>()]+@[^\s@<>()]+[>)]?\s*[:：]\s*$/u;
/** "2011/4/7 Nathan Dova <support@example.com>" with no colon: only when quoted lines follow. */
const DATE_NAME_ADDRESS = /^\s*\d{1,4}[-./]\d{1,2}[-./]\d{1,4}[^@<]{0,80}<[^\s@<>]+@[^\s@<>]+>\s*$/u;
export function isDateNameAddress(line: string): boolean {
  return DATE_NAME_ADDRESS.test(line);
}

/** Words that open an attribution inside a line whose start the author wrote ("reply On Wed, … wrote:"). */
const MID_LINE_OPENING = /(?:\s|-{2,}\s*)(?:On|Am|Le|El|Il|Op|Den|På|Dne|W dniu|Em)\s/gu;
/** Opening words tried per line; a real line holds one attribution. */
const MAX_MID_LINE_OPENINGS = 4;
/** Where an attribution starts inside `line` (after the author's words), or -1. */
export function midLineAttribution(line: string): number {
  if (!ENDS_WITH_COLON.test(line)) return -1;
  const starts = [...line.matchAll(MID_LINE_OPENING)].map((m) => m.index).slice(-MAX_MID_LINE_OPENINGS);
  for (const start of starts) {
    const tail = line.slice(start);
    if (isAttribution(tail) && /[\p{L}\p{N}]/u.test(line.slice(0, start))) return start;
  }
  return -1;
}

/** "On Mon, … Ana <ana@x> wrote" with no colon: an attribution only when quoted lines follow it (the caller checks). */
export function isAttributionWithoutColon(line: string): boolean {
  const text = line.trim();
  return !ENDS_WITH_COLON.test(text) && !/[.!?。]$/u.test(text) && WROTE_RE.test(text) && /[@<＜]|\d{1,2}[:.]\d{2}/u.test(text);
}

/** The line opens like an attribution: "On …", "Am …", "W dniu …", or a date first. */
export function opensAttribution(line: string): boolean {
  const text = line.trim();
  return ATTRIBUTION_START.test(text) || /^\d{1,4}[-./年]\d{1,2}/u.test(text);
}

/** The line could be the first of a wrapped attribution: it carries a date, an address or an opening word. */
export function mayOpenAttribution(line: string): boolean {
  return opensAttribution(line) || HAS_DATE_OR_ADDRESS.test(line) || WROTE_RE.test(line);
}

/** True when `line` (one line, or a wrapped attribution joined with spaces) is an "On … wrote:" line. */
export function isAttribution(line: string): boolean {
  // "------On 12/29/1987 17:32 PM, Julius Caesar wrote-----": a rule around it stands for the colon.
  const text = line
    .trim()
    .replace(/^[>\s]+/u, "")
    .replace(/^-{2,}\s*/u, "")
    .replace(/\s*-{2,}$/u, ":");
  if (!ENDS_WITH_COLON.test(text)) return false;
  if (DATE_NAME_COLON.test(text)) return true;
  if (!WROTE_RE.test(text)) return false;
  return /[@<＜]|\d{1,2}[:.]\d{2}/u.test(text) || (ATTRIBUTION_START.test(text) && HAS_DATE_OR_ADDRESS.test(text)) || /写道|寫道|書きました/u.test(text);
}

// Header keys of a quoted message's header block (Outlook "From: … Sent: …" and its
// translations), grouped by what they name. Lower case; matched case-insensitively.
const FROM_KEYS = [
  "from", "von", "de", "da", "fra", "från", "van", "od", "от", "від", "feladó", "lähettäjä", "afzender", "remitente",
  "mittente", "nadawca", "kimden", "gönderen", "expéditeur", "absender", "avsändare", "avsender", "afsender",
  "发件人", "發件人", "寄件者", "差出人", "보낸 사람", "saatja", "odesílatel", "odosielateľ", "remetente", "αποστολέας",
  "de la", "šalje", "nuo", "dari", "từ", "מאת", "من", "送信元", "lähettäjä",
];
const DATE_KEYS = [
  "sent", "date", "gesendet", "datum", "envoyé", "envoyé le", "date d'envoi", "enviado", "enviado el", "fecha", "inviato",
  "data", "sendt", "skickat", "verzonden", "verstuurd", "wysłano", "wysłane", "data wysłania", "отправлено", "дата",
  "відправлено", "elküldve", "dátum", "küldve", "lähetetty", "päivämäärä", "odesláno", "gönderildi", "tarih", "tarih:",
  "发送时间", "發送時間", "日期", "送信日時", "日付", "보낸 날짜", "날짜", "saadetud", "trimis", "ημερομηνία",
  "poslano", "odoslané", "надіслано", "изпратено", "išsiųsta", "nosūtīts", "dikirim", "đã gửi", "נשלח", "تم الإرسال", "enviat",
  "gönderilen", "verzonden op", "envoyé le",
];
const OTHER_KEYS = [
  "to", "cc", "bcc", "subject", "reply-to", "an", "betreff", "kopie", "à", "a", "objet", "para", "asunto", "assunto",
  "oggetto", "per", "til", "emne", "kopi", "till", "ämne", "kopia", "aan", "onderwerp", "do", "temat", "dw", "kopia do",
  "кому", "тема", "копия", "címzett", "tárgy", "másolat", "vastaanottaja", "aihe", "kopio", "komu", "předmět", "kime",
  "konu", "bilgi", "收件人", "主题", "抄送", "收件者", "主旨", "副本", "宛先", "件名", "받는 사람", "제목", "adresat",
  "destinatario", "destinatário", "cc:", "importance", "priorité", "priorität", "προς", "θέμα", "prioridad", "anlagen",
  "către", "subiect", "prima", "predmet", "до", "относно", "kam", "tema", "tēma", "kepada", "perihal", "đến", "chủ đề",
  "אל", "נושא", "إلى", "الموضوع", "per a", "assumpte", "adressaat", "teema", "attachments", "pièces jointes",
];

function keyGroup(keys: string[]): string {
  return keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s")).join("|");
}

// "From: x", "*From:* x", "**Von:** x", "De : x", "发件人: x", with the key alone at the line start.
const headerLine = (keys: string) => new RegExp(`^\\s*[*_]{0,2}(?:${keys})[*_]{0,2}\\s?[:：][*_]{0,2}(?:\\s|$)`, "iu");
const START_KEY_LINE = headerLine(keyGroup([...FROM_KEYS, ...DATE_KEYS]));
const FROM_KEY_LINE = headerLine(keyGroup(FROM_KEYS));
const ANY_KEY_LINE = headerLine(keyGroup([...FROM_KEYS, ...DATE_KEYS, ...OTHER_KEYS]));
/** A second key on the same line: "From: bob@x Date: Thu, 24 Mar 2016". */
const INLINE_DATE_KEY = new RegExp(`\\s[*_]{0,2}(?:${keyGroup(DATE_KEYS)})[*_]{0,2}\\s?[:：]`, "iu");

/** A line that can open a quoted header block: its key names the sender or the date. */
export function isHeaderBlockStart(line: string): boolean {
  return START_KEY_LINE.test(line);
}
/** Any line of a quoted header block. */
export function isHeaderLine(line: string): boolean {
  return ANY_KEY_LINE.test(line);
}
/** A sender key later on the line: "Date: Tue, 2 Oct 2012 From: john@x To: …". */
const INLINE_FROM_KEY = new RegExp(`\\s[*_]{0,2}(?:${keyGroup(FROM_KEYS)})[*_]{0,2}\\s?[:：]`, "iu");
const DATE_KEY_LINE = headerLine(keyGroup(DATE_KEYS));

/**
 * A one-line header block: sender and date on one line (HTML blocks flattened by
 * conversion), in either order. Opening with the date, it must also name an address,
 * as a block that opens with a date must (a note headed "Date: … from: …" stays the author's).
 */
export function isOneLineHeader(line: string): boolean {
  if (FROM_KEY_LINE.test(line)) return INLINE_DATE_KEY.test(line);
  return DATE_KEY_LINE.test(line) && INLINE_FROM_KEY.test(line) && line.includes("@");
}

/** "Key: value" with a short key of letters: a header line in any language. */
const GENERIC_HEADER_LINE = /^\s*[*_]{0,2}\p{L}[\p{L} .'-]{0,24}[*_]{0,2}\s?[:：]/u;
export function isGenericHeaderLine(line: string): boolean {
  return GENERIC_HEADER_LINE.test(line);
}
export function isFromHeaderLine(line: string): boolean {
  return FROM_KEY_LINE.test(line);
}

/** A line ending in a colon that names an address: an attribution in any language, when quoted lines follow it. */
export function isLooseAttribution(line: string): boolean {
  const text = line.trim();
  return !text.startsWith(">") && ENDS_WITH_COLON.test(text) && /[@＠]/u.test(text);
}

/** "-----Original Message-----" and its translations, which open quoted history by themselves. */
const ORIGINAL_MESSAGE = new RegExp(
  `^[\\s>]*[-_=*]{2,}\\s*(?:${[
    "original message", "reply message", "ursprüngliche nachricht", "original nachricht", "originalnachricht", "antwort nachricht",
    "oprindelig meddelelse", "oprindelig besked", "opprinnelig e-post", "message d'origine", "message original", "mensaje original", "messaggio originale", "messaggio originale",
    "oorspronkelijk bericht", "origineel bericht", "originalmeddelande", "ursprungligt meddelande", "opprinnelig melding",
    "alkuperäinen viesti", "původní zpráva", "pôvodná správa", "wiadomość oryginalna", "oryginalna wiadomość", "исходное сообщение",
    "оригинальное сообщение", "eredeti üzenet", "eredeti levél", "mensagem original", "orijinal mesaj", "原始邮件", "原始郵件",
    "元のメッセージ", "原始信件", "original-nachricht", "원본 메시지", "izvorna poruka", "původní e-mail", "originalbesked",
  ].join("|")})\\s*[-_=*]{2,}\\s*$`,
  "iu",
);
/** Help desks write a line the reply goes above ("## Please reply above this line ##"); below it is their history. */
const REPLY_ABOVE = /^[\s#*=_-]*(?:please\s)?(?:type\s|write\s)?(?:your\s)?reply above this line\b/iu;

export function isOriginalMessageLine(line: string): boolean {
  return ORIGINAL_MESSAGE.test(line) || REPLY_ABOVE.test(line);
}

/** A rule drawn by a client above a quoted header block: dashes, underscores (Outlook), stars. */
export function isSeparatorLine(line: string): boolean {
  return /^[\s>]*(?:-{5,}|_{5,}|\*{5,}|={5,}|—{3,})\s*$/u.test(line);
}

/** A few words between rules ("-------- Oprindelig besked --------"): a client's title over the header block below it. */
export function isRuledTitle(line: string): boolean {
  return /^\s*[-_=*]{2,}\s?[\p{L}' ]{1,40}\s?[-_=*]{2,}\s*$/u.test(line);
}

/** A line that starts a forwarded message: what follows is someone else's mail, kept whole. */
const FORWARD_MARKER = new RegExp(
  `^[\\s>]*(?:[-=_*]{2,}\\s*)?(?:${[
    "forwarded message", "begin forwarded message", "forwarded e-?mail", "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht",
    "message transféré", "début du message réexpédié", "début du message transféré", "mensaje reenviado", "comienzo del mensaje reenviado",
    "messaggio inoltrato", "inizio messaggio inoltrato", "doorgestuurd bericht", "begin doorgestuurd bericht", "videresendt meddelelse",
    "videresendt melding", "videresendt besked", "vidarebefordrat meddelande", "vidarebefordrat mejl", "välitetty viesti",
    "edelleenlähetetty viesti", "przekazana wiadomość", "treść przekazanej wiadomości", "początek przekazywanej wiadomości",
    "přeposlaná zpráva", "preposlaná správa", "пересылаемое сообщение", "пересланное сообщение", "továbbított üzenet",
    "továbbított levél", "mensagem encaminhada", "início da mensagem reencaminhada", "iletilen mesaj", "转发的邮件", "轉寄的郵件",
    "転送されたメッセージ", "mesaj redirecționat", "proslijeđena poruka", "edastatud kiri",
  ].join("|")})`,
  "iu",
);
export function isForwardMarker(line: string): boolean {
  return FORWARD_MARKER.test(line);
}

/**
 * A client's tagline ("Sent from my iPhone", "Von meinem iPhone gesendet", "Get Outlook
 * for Android"): a short line naming a device or a mail app.
 */
const TAGLINE_LEAD =
  /^\s*(?:sent from|sent with|sent via|get outlook|hanki outlook|obtenir outlook|outlook for|von meinem|gesendet von|gesendet mit|envoyé de|envoyé depuis|envoyé avec|enviado desde|enviado de|enviado do|inviato da|verstuurd vanaf|verzonden vanaf|verzonden met|skickat från|sendt fra|lähetetty|wysłane z|wysłano z|odesláno z|отправлено с|надіслано з|küldve|enviado via)\b/iu;
const TAGLINE_THING =
  /(?:iphone|ipad|ipod|android|blackberry|samsung|galaxy|huawei|xiaomi|pixel|mobile|handy|smartphone|telefon|puhelim|outlook|mail|gmail|yahoo|aol|windows|proton|spark|airmail|phone|tablet|nokia|motorola|lg|htc|sony)/iu;
/** Lines longer than this are sentences, not taglines. */
const MAX_TAGLINE_CHARS = 100;
/** Taglines whose words stand around the device: "从我的iPhone发送", "iPhoneから送信", "iPhone'umdan gönderildi". */
const TAGLINE_AROUND = /^\s*(?:(?:从我的|發自我的|发自我的|寄自我的)\s?\S{1,20}|\S{1,20}から送信|\S{1,20}'?(?:umdan|imden|dan|den) gönderildi)\s*$/iu;
/**
 * Outlook's mobile and desktop taglines in any language: a few words, "Outlook", one or two
 * words, then the platform, and perhaps one word and a link ("Download Outlook for Android",
 * "Outlook für Android herunterladen", "Wysłane z aplikacji Outlook dla systemu iOS").
 */
const TAGLINE_OUTLOOK = /^(?:\S+\s+){0,3}outlook\s+(?:\S+\s+){1,2}(?:android|ios|iphone|windows|mac)(?:\s+\p{L}+)?\s*(?:<[^<>\s]*>|\([^()\s]*\))?$/iu;
export function isTagline(line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_TAGLINE_CHARS) return false;
  return (
    (TAGLINE_LEAD.test(text) && TAGLINE_THING.test(text)) || (TAGLINE_AROUND.test(text) && TAGLINE_THING.test(text)) || TAGLINE_OUTLOOK.test(text)
  );
}

/** A mailing list's footer line: what a list server appends below the author's text. */
const LIST_FOOTER = /mailing list|listinfo|\bunsubscribe\b|you received this message because you are subscribed|abonnement|désinscri|abmelden|darse de baja/iu;
export function isListFooterLine(line: string): boolean {
  return line.length <= MAX_TAGLINE_CHARS * 2 && LIST_FOOTER.test(line);
}
