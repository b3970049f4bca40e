// The help every confirmation ends with, and the answer to "help".

export const REPLY_HELP = `Reply to a digest, one command per line (numbers are the digest's):
  done 2            done 1 3 5 · done all · 2 done
  snooze 3          a week; or snooze 3 2w · snooze 3 until March 3
  skip 1            not this one
  never 4           stop suggesting this person
  note 2 <text>     keep a note on the person ("note 2 she got the job!")
  cadence 4 monthly how often to check in (weekly, every 2 weeks, quarterly, off)
  link 3 <address>  the address of someone named only in your notes
  undo              reverse the last thing you did`;

export const MAIL_HELP = `Or email Tend one of these (as the subject or first line):
  help                       this list
  brief <name or address>    what Tend knows about someone, before you meet
  pending                    open promises and reminders
  export                     all your data, as a JSON attachment
  forget <address>           erase a person and everything about them (asks first)
  settings                   your time zone, digest day and hour, and limits
  set timezone Europe/Berlin · set digest monday 8am · set max 5 · set empty skip
  set yes-mail on            a mail the same day when someone says yes to an intro you asked about
  pause 2w · pause until January 10 · resume
  add address me@work.com    mail from a second address into this account (confirmed from it)
  remove address me@work.com take an address off your account
  delete my account          erase everything Tend keeps for you (asks first)`;

export const REMINDER_HELP = `Reminders: send or BCC Tend at an address that says when
  tend+3d@ · tend+2w@ · tend+friday@ · tend+2027-01-15@          once
  tend+everymonday@ · tend+every2w@ · tend+monthly@ · tend+every1st@   again and again
  (also daily, weekly, biweekly, quarterly, every3d, every2m, every15th…);
  a reply on the thread cancels a one-off reminder, unless you write tend+3d-keep@;
  reply “stop” to a recurring reminder to end it; “pending” lists them`;

export const HELP_TEXT = `${REPLY_HELP}\n\n${MAIL_HELP}\n\n${REMINDER_HELP}`;
