import { describe, expect, it } from "vitest";
import { visibleText } from "../mail/visible-text.ts";
import { findForwarded } from "./forwarded.ts";
import { type HtmlNode, holdsForward, leadingText, MAX_FORWARD_MARKER_SCAN_CHARS } from "./html-quotes.ts";
import { htmlToText } from "./html-to-text.ts";

const REPLY = "Thursday works for me.";
const reply = (html: string) => visibleText(htmlToText(html));

describe("quoted history in HTML-only replies, found by the structure in any language", () => {
  it("Gmail: the gmail_quote div, its attribution in a language with no word list", () => {
    const html = `<div dir="ltr">${REPLY}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">2026. 3. 2. 오전 10:00, Ana Lima &lt;<a href="mailto:ana@lima.example">ana@lima.example</a>&gt;님이 작성:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">목요일에 만날까요?</div></blockquote></div>`;
    expect(reply(html)).toBe(REPLY);
  });

  it("Gmail without an attribution line", () => {
    expect(reply(`<div>${REPLY}</div><div class="gmail_quote"><div>Can we meet?</div><div>Ana</div></div>`)).toBe(REPLY);
  });

  it("Outlook on the web: the header after #appendonsend and #divRplyFwdMsg, in Lithuanian", () => {
    const html = `<div>${REPLY}</div><div id="appendonsend"></div><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>Nuo:</b> Ana Lima &lt;ana@lima.example&gt;<br><b>Išsiųsta:</b> 2026 m. kovo 2 d. 10:00<br><b>Kam:</b> Sam Rivera<br><b>Tema:</b> Deck</font><div>&nbsp;</div></div><div>Ar galime susitikti ketvirtadienį?</div>`;
    expect(reply(html)).toBe(REPLY);
  });

  it("Outlook on the web, as it writes the rule itself: no rule left in the reply", () => {
    const html = `<div>${REPLY}</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font><b>From:</b> Ana Lima &lt;ana@lima.example&gt;<br><b>Sent:</b> Monday, March 2, 2026 10:00 AM<br><b>To:</b> Sam Rivera<br><b>Subject:</b> Deck</font><div>&nbsp;</div></div><div>Can we meet?</div>`;
    expect(reply(html)).toBe(REPLY);
  });

  it("Outlook 2003: the OutlookMessageHeader div", () => {
    const html = `<div><font face="Arial" size="2">${REPLY}</font></div><br><div class="OutlookMessageHeader" lang="en-us" dir="ltr" align="left"><hr tabindex="-1"><font face="Tahoma" size="2"><b>Fra:</b> Ana Lima [mailto:ana@lima.example]<br><b>Sendt:</b> 2. marts 2026 10:00<br><b>Til:</b> Sam Rivera<br><b>Emne:</b> Deck<br></font><br></div><div>Kan vi mødes?</div>`;
    expect(reply(html)).toBe(REPLY);
  });

  it("Proton Mail: the protonmail_quote div", () => {
    const html = `<div>${REPLY}</div><div class="protonmail_quote">------- Original Message -------<br>On Monday, March 2nd, 2026 at 10:00, Ana Lima &lt;ana@lima.example&gt; wrote:<br><blockquote class="protonmail_quote" type="cite">Can we meet?</blockquote></div>`;
    expect(reply(html)).toBe(REPLY);
  });

  it("Outlook for Windows: the header in a div with a top border", () => {
    const html = `<div class="WordSection1"><p class="MsoNormal">${REPLY}<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal"><b>Von:</b> Ana Lima &lt;ana@lima.example&gt; <br><b>Gesendet:</b> Montag, 2. März 2026 10:00<br><b>An:</b> Sam Rivera<br><b>Betreff:</b> Deck<o:p></o:p></p></div></div><p class="MsoNormal">Können wir uns treffen?<o:p></o:p></p></div>`;
    expect(reply(html)).toBe(REPLY);
  });

  it("Yahoo: the yahoo_quoted div", () => {
    const html = `<div>${REPLY}</div><div id="yahoo_quoted_123" class="yahoo_quoted"><div style="font-family:Helvetica"><div>On Monday, March 2, 2026, 10:00:00 AM GMT+1, Ana Lima &lt;ana@lima.example&gt; wrote:</div><div><br></div><div>Can we meet?</div></div></div>`;
    expect(reply(html)).toBe(REPLY);
  });

  it("Apple Mail and Thunderbird: a cited blockquote", () => {
    const html = `<div>${REPLY}</div><div><br><blockquote type="cite"><div>On 2 Mar 2026, at 10:00, Ana Lima &lt;ana@lima.example&gt; wrote:</div><div>Can we meet?</div></blockquote></div>`;
    expect(reply(html)).toBe(REPLY);
  });
});

describe("headings", () => {
  it("keep the author's case", () => {
    expect(htmlToText("<h2>Next steps</h2><p>Send the deck.</p>")).toBe("Next steps\n\nSend the deck.");
  });
});

describe("forwards in HTML-only mail keep their forwarded block", () => {
  it("a Gmail forward in a gmail_quote div is read as a forward, sender and all", () => {
    const html = `<div dir="ltr">FYI</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Ana Lima</strong> <span dir="auto">&lt;<a href="mailto:ana@lima.example">ana@lima.example</a>&gt;</span><br>Date: Mon, Mar 2, 2026 at 10:00 AM<br>Subject: Deck<br>To: Sam Rivera &lt;<a href="mailto:sam@rivera.example">sam@rivera.example</a>&gt;<br></div><br><br><div dir="ltr">Here is the deck.</div></div>`;
    const text = htmlToText(html);
    expect(text).not.toMatch(/^>/m);
    expect(findForwarded(text, "Fwd: Deck")?.from).toEqual({ name: "Ana Lima", address: "ana@lima.example" });
  });

  it("an Outlook forward keeps its header block readable after the rule drawn above it", () => {
    const html = `<div>FYI</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><font><b>From:</b> Ana Lima &lt;ana@lima.example&gt;<br><b>Sent:</b> Monday, March 2, 2026 10:00 AM<br><b>To:</b> Sam Rivera &lt;sam@rivera.example&gt;<br><b>Subject:</b> Deck</font><div>&nbsp;</div></div><div>Here is the deck.</div>`;
    expect(findForwarded(htmlToText(html), "FW: Deck")?.from).toEqual({ name: "Ana Lima", address: "ana@lima.example" });
  });
});

const text = (data: string): HtmlNode => ({ type: "text", data });
const tag = (children: HtmlNode[]): HtmlNode => ({ type: "tag", children });

describe("holdsForward reads a bounded start of a container", () => {
  it("finds the marker in nested first children", () => {
    expect(holdsForward(tag([tag([text("---------- Weitergeleitete Nachricht ---------")]), text("Von: Ana")]))).toBe(true);
    expect(holdsForward(tag([text("On Mon, Ana wrote:"), text("Can we meet?")]))).toBe(false);
  });

  it("reads no further than its bound, however many nodes follow", () => {
    const many = tag(Array.from({ length: 100_000 }, () => text("word ")));
    expect(leadingText(many).length).toBeLessThanOrEqual(MAX_FORWARD_MARKER_SCAN_CHARS);
    const late = tag([text("x".repeat(MAX_FORWARD_MARKER_SCAN_CHARS)), text("---------- Forwarded message ---------")]);
    expect(holdsForward(late)).toBe(false);
  });
});
