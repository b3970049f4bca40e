-- A mail sent to a reminder address (tend+3d@) is an interaction of kind
-- "reminder"; "follow_up" now names only the user's own follow-up, a signal.
UPDATE `interactions` SET `kind` = 'reminder' WHERE `kind` = 'follow_up';
