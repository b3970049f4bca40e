// Whole generated messages, each imitating one mail client (see test/fixtures/README.md), as exact bytes.
import appleMailBccThread from "../fixtures/apple-mail-bcc-thread.eml?bytes";
import appleMailForwardGerman from "../fixtures/apple-mail-forward-german.eml?bytes";
import bounceGmail from "../fixtures/bounce-gmail.eml?bytes";
import gmailDoubleOptIn from "../fixtures/gmail-double-opt-in.eml?bytes";
import gmailFollowUp3d from "../fixtures/gmail-follow-up-3d.eml?bytes";
import gmailForwardedIntro from "../fixtures/gmail-forwarded-intro.eml?bytes";
import gmailIntroCc from "../fixtures/gmail-intro-cc.eml?bytes";
import gmailNotesToTend from "../fixtures/gmail-notes-to-tend.eml?bytes";
import gmailReplyToDigest from "../fixtures/gmail-reply-to-digest.eml?bytes";
import mailingList from "../fixtures/mailing-list.eml?bytes";
import outOfOfficeOutlook from "../fixtures/out-of-office-outlook.eml?bytes";
import outlookForwardFrench from "../fixtures/outlook-forward-french.eml?bytes";
import outlookForwardedNotes from "../fixtures/outlook-forwarded-notes.eml?bytes";
import outlookHtmlOnly from "../fixtures/outlook-html-only.eml?bytes";
import thunderbirdInvite from "../fixtures/thunderbird-invite.eml?bytes";

export const fixtures = {
  appleMailBccThread,
  appleMailForwardGerman,
  bounceGmail,
  gmailDoubleOptIn,
  gmailFollowUp3d,
  gmailForwardedIntro,
  gmailIntroCc,
  gmailNotesToTend,
  gmailReplyToDigest,
  mailingList,
  outOfOfficeOutlook,
  outlookForwardFrench,
  outlookForwardedNotes,
  outlookHtmlOnly,
  thunderbirdInvite,
};

export const USERS = {
  sam: "sam.rivera@gmail.com",
  priya: "priya.natarajan@outlook.com",
  jon: "jon.okafor@icloud.com",
  kim: "kim@posteo.de",
} as const;
