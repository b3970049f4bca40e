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
  pause 2w · pause until January 10 · resume`;

export const HELP_TEXT = `${REPLY_HELP}\n\n${MAIL_HELP}`;
