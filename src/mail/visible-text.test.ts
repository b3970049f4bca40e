import { describe, expect, it } from "vitest";
import { ownText, type ScanMeter } from "./quoted-history.ts";
import { visibleText } from "./visible-text.ts";

const REPLY = "Thursday works for me. I'll bring the deck.";

describe("visibleText cuts quoted history written in many languages", () => {
  it.each([
    ["English, Gmail", "On Mon, Mar 2, 2026 at 10:00 AM Ana Lima <ana@lima.example> wrote:\n> Can we meet Thursday?"],
    ["German", "Am Mo., 2. März 2026 um 10:00 Uhr schrieb Ana Lima <ana@lima.example>:\n> Können wir uns Donnerstag treffen?"],
    ["German, wrapped over two lines", "Am Mo., 2. März 2026 um 10:00 Uhr schrieb Ana Lima\n<ana@lima.example>:\n\n> Können wir uns treffen?"],
    ["Polish", "W dniu 2.03.2026 o 10:00, Ana Lima <ana@lima.example> napisał:\n> Czy możemy się spotkać?"],
    ["French", "Le lun. 2 mars 2026 à 10:00, Ana Lima <ana@lima.example> a écrit :\n> On se voit jeudi ?"],
    ["Dutch", "Op ma 2 mrt. 2026 om 10:00 schreef Ana Lima <ana@lima.example>:\n> Kunnen we donderdag afspreken?"],
    ["Chinese", "Ana Lima <ana@lima.example> 于2026年3月2日周一 上午10:00写道：\n> 我们周四见面可以吗？"],
    ["Hungarian", "Ana Lima <ana@lima.example> ezt írta (időpont: 2026. márc. 2., H 10:00):\n> Találkozhatunk csütörtökön?"],
    ["Finnish, no blank line", "Ana Lima kirjoitti 2.3.2026 kello 10.00:\nVoimmeko tavata torstaina?"],
    ["dashes around it", "------On 02/03/2026 10:00, Ana Lima wrote-----\n\nCan we meet Thursday?"],
    ["Polish, present tense", "Ana Lima <ana@lima.example> pisze:\n> Czy możemy się spotkać?"],
    ["no colon, quotes below", "On Mon, Mar 2, 2026 at 10:00 AM Ana Lima <ana@lima.example> wrote\n> Can we meet Thursday?"],
    ["Japanese, date first", "2026年3月2日(月) 10:00 Ana Lima <ana@lima.example>:\n> 木曜日に会えますか？"],
  ])("%s", (_, quote) => {
    expect(visibleText(`${REPLY}\n\n${quote}\n`)).toBe(REPLY);
  });

  it("cuts an attribution that shares a line with the reply", () => {
    expect(visibleText("Sounds good On Wed, Apr 4, 2026 at 3:59 PM, ana@lima.example wrote:\n> Thursday?")).toBe("Sounds good");
  });

  it("cuts a bare 'Ana wrote:' when only quoted lines follow it", () => {
    expect(visibleText(`${REPLY}\n\nAna Lima wrote:\n\n> Can we meet Thursday?\n> Ana`)).toBe(REPLY);
  });

  it("keeps 'As Ana wrote:' when the author's own words follow the quote", () => {
    expect(visibleText(`${REPLY}\n\nAs Ana wrote:\n> the deck is late\n\nSo let's move it.`)).toContain("So let's move it.");
  });

  it("cuts an attribution in a language it has no words for, when it names an address and quotes follow", () => {
    expect(visibleText(`${REPLY}\n\n2026. 3. 2. 오전 10:00, Ana Lima <ana@lima.example>님이 말함:\n> 목요일에 만날까요?`)).toBe(REPLY);
  });
});

describe("visibleText cuts Outlook header blocks", () => {
  it.each([
    ["English", "From: Ana Lima <ana@lima.example>\nSent: Monday, March 2, 2026 10:00 AM\nTo: Sam Rivera\nSubject: Deck"],
    ["German", "Von: Ana Lima <ana@lima.example>\nGesendet: Montag, 2. März 2026 10:00\nAn: Sam Rivera\nBetreff: Deck"],
    ["French, spaced colons", "De : Ana Lima [mailto:ana@lima.example]\nEnvoyé : lundi 2 mars 2026 10:00\nÀ : Sam Rivera\nObjet : Deck"],
    ["Chinese", "发件人: Ana Lima <ana@lima.example>\n发送时间: 2026年3月2日 10:00\n收件人: Sam Rivera\n主题: Deck"],
    ["bold, as Outlook's plain text writes it", "*From:* Ana Lima [mailto:\nana@lima.example]\n*Sent:* Monday, March 2, 2026 10:00 AM\n*To:* Sam Rivera"],
    ["under Outlook's rule", "________________________________\nFrom: Ana Lima <ana@lima.example>\nSent: Monday, March 2, 2026 10:00 AM"],
    ["Original Message", "-----Original Message-----\nFrom: Ana Lima\nSent: Monday"],
    ["Original Message in German", "-----Ursprüngliche Nachricht-----\nVon: Ana Lima\nGesendet: Montag"],
    ["Romanian", "De la: Ana Lima <ana@lima.example>\nTrimis: luni, 2 martie 2026 10:00\nCătre: Sam Rivera\nSubiect: Deck"],
    ["Android's titled rule, in a language it has no words for", "-------- Sõnum --------\nKellelt: Ana Lima <ana@lima.example>\nKuupäev: 02.03.2026 10:00\nKellele: Sam Rivera"],
    ["a language it has no words for, under a rule", "________________________________\nNuo: Ana Lima <ana@lima.example>\nIšsiųsta: 2026-03-02 10:00\nKam: Sam Rivera\nTema: Deck"],
    ["flattened onto one line, date first", "Date: Mon, 2 Mar 2026 10:00:00 +0000 From: ana@lima.example To: Sam Rivera Subject: Deck"],
    ["flattened onto one line, German, date first", "Gesendet: Montag, 2. März 2026 10:00 Von: Ana Lima <ana@lima.example> An: Sam Rivera"],
  ])("%s", (_, block) => {
    expect(visibleText(`${REPLY}\n\n${block}\n\nCan we meet Thursday?\nAna`)).toBe(REPLY);
  });
});

describe("visibleText drops client taglines and signatures", () => {
  it.each(["Sent from my iPhone", "从我的iPhone发送", "iPhoneから送信", "Enviado do meu iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPad", "Verstuurd vanaf mijn iPhone", "Get Outlook for Android", "Sent from Mail for Windows", "Download Outlook for Android<https://aka.ms/ghei36>", "Outlook für Android herunterladen", "Verzonden vanuit Outlook voor iOS"])(
    "%s",
    (tagline) => {
      expect(visibleText(`${REPLY}\n\n${tagline}\n\nOn Mon, Ana <ana@lima.example> wrote:\n> Thursday?`)).toBe(REPLY);
      expect(visibleText(`${REPLY}\n\n${tagline}`)).toBe(REPLY);
    },
  );

  it("drops a mailing list's footer below a rule", () => {
    const footer = "_______________________________________________\ndesign-talk mailing list\ndesign-talk@lists.example.org\nhttps://lists.example.org/mailman/listinfo/design-talk";
    expect(visibleText(`${REPLY}\n\n${footer}\n`)).toBe(REPLY);
  });

  it("drops a signature after the '-- ' delimiter", () => {
    expect(visibleText(`${REPLY}\n\n-- \nSam Rivera\nRivera Design`)).toBe(REPLY);
  });
});

describe("visibleText keeps what the author wrote", () => {
  it("keeps a forwarded message whole, header block and all", () => {
    const forward = "FYI\n\n---------- Forwarded message ---------\nFrom: Ana Lima <ana@lima.example>\nDate: Mon, Mar 2, 2026 at 10:00 AM\nSubject: Deck\nTo: Sam <sam@rivera.example>\n\nHere is the deck.";
    expect(visibleText(forward)).toBe(forward);
  });

  it("keeps answers written between the quotes", () => {
    const inline = "See my answers below.\nOn Mon, Mar 2, 2026 at 10:00 AM Ana Lima <ana@lima.example> wrote:\n\n> Can you do Thursday?\nYes, after lunch.\n> Will you bring the deck?\nI will.";
    expect(visibleText(inline)).toBe(inline);
  });

  it("keeps answers between quotes when no attribution stands above them", () => {
    const inline = "> Can you do Thursday?\nYes, after lunch.\n> Will you bring the deck?\nI will, printed.";
    expect(visibleText(inline)).toBe(inline);
  });

  it("drops a help desk's history below its reply-above line", () => {
    expect(visibleText(`${REPLY}\n\n##- Please type your reply above this line -##\n\nTicket #42: Ana Lima wrote…`)).toBe(REPLY);
  });

  it("does not take a wrapped quoted line's tail for an answer", () => {
    const wrapped = `${REPLY}\n\nOn Mon, Mar 2, 2026 at 10:00 AM Ana Lima <ana@lima.example> wrote:\n> Could we meet on Thursday afternoon to go through the new pricing deck and\nthe plan?\n> Ana`;
    expect(visibleText(wrapped)).toBe(REPLY);
  });

  it("keeps a one-line note that opens with a date and mentions where something came from, naming no address", () => {
    const notes = "Met Ana today.\n\nDate: 2 March 2026 from: the hiring fair\nShe is hiring a designer by May.";
    expect(visibleText(notes)).toContain("She is hiring a designer by May.");
  });

  it("keeps a sentence about Outlook on a phone, which is no tagline", () => {
    const text = "Thursday works.\n\nI moved everything to Outlook on my iOS phone.\n\nSee you then.";
    expect(visibleText(text)).toBe(text);
  });

  it("keeps notes headed with a date and a subject, which name no sender", () => {
    const notes = "Met Ana today.\n\n-----\nDate: 2 March 2026\nSubject: hiring\nShe is hiring a designer by May.";
    expect(visibleText(notes)).toContain("She is hiring a designer by May.");
  });

  it("keeps a message that opens with its own header block", () => {
    const own = "From: Ana Lima <ana@lima.example>\nSent: Monday, March 2, 2026 10:00 AM\nTo: Sam\n\nCan we meet Thursday?";
    expect(visibleText(own)).toContain("Can we meet Thursday?");
  });

  it("keeps a reply that opens with 'No:' and names a date line below", () => {
    const text = "No: Thursday is out.\nDate: Friday works, 10:00 at the office.\nTo do: send the deck.";
    expect(visibleText(text)).toBe(text);
  });

  it("keeps a sentence that mentions writing, ending in a colon", () => {
    const text = "In 2019 she wrote a book on pricing. Here is what I took from it:\n- charge more\n- say no";
    expect(visibleText(text)).toBe(text);
  });

  it("reads a reply quoted as a whole one level down", () => {
    expect(visibleText("> Reply\n>\n> > On Mon, Mar 2, 2026 at 10:00 AM Ana <ana@lima.example> wrote:\n> > Test")).toBe("Reply");
  });

  it("keeps the blank lines around the author's own quote, and still drops the signature", () => {
    const own = "Here is the code:\n\n> run(a)\n> run(b)\n\nBen";
    const text = visibleText(`${own}\n\n-- \nBen Ortiz, Acme\n\nOn Mon, Mar 2, 2026 at 10:00 AM Ana <ana@lima.example> wrote:\n> Does it run?`);
    expect(text).toBe(own);
  });

  it("keeps the author's own quote above the quoted history", () => {
    const text = visibleText("Reply\n\n> a line I quote on purpose\n\nOn Mon, Mar 2, 2026 at 10:00 AM Ana <ana@lima.example> wrote:\n> > Nested");
    expect(text.split(/\n+/)).toEqual(["Reply", "> a line I quote on purpose"]);
  });
});

describe("quoted-history scanning stays linear in its input", () => {
  // Lines that each look a little like a quote start but are none, so every check runs
  // on every line and nothing cuts the scan short.
  const HOSTILE = [
    "On Mon, Mar 2, 2026 at 10:00 AM Ana Lima wrote",
    "Am Mo., 2. März 2026 um 10:00 Uhr schrieb Ana.",
    "reply On Wed On Wed On Wed On Wed On Wed On Wed wrote:",
    `${"a@".repeat(250)}:`,
    "To whom it may concern, at 10:00:",
    "> quoted",
    "-----",
    "Date: 2 March",
    "Sent from my",
    "Subject: nothing",
  ];

  function scan(bytes: number): ScanMeter {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const line = HOSTILE[i % HOSTILE.length] ?? "";
      lines.push(line);
      size += line.length + 1;
    }
    const meter: ScanMeter = { chars: 0 };
    ownText(lines.join("\n"), meter);
    return meter;
  }

  it("reads a 1 MiB input a bounded number of times per character, and twice the input costs twice the work", () => {
    const mib = scan(1024 * 1024);
    const twice = scan(2 * 1024 * 1024);
    expect(mib.chars).toBeGreaterThan(1024 * 1024);
    expect(mib.chars).toBeLessThan(20 * 1024 * 1024);
    const ratio = twice.chars / mib.chars;
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
  });
});
