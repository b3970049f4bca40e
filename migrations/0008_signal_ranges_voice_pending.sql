ALTER TABLE `contacts` ADD `pending` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `pending_from` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `due_start_at` integer;--> statement-breakpoint
ALTER TABLE `signals` ADD `due_end_at` integer;--> statement-breakpoint
ALTER TABLE `signals` ADD `due_precision` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `due_text` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `speaker_contact_id` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `speaker_name` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `tone` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `due_start_at` integer;--> statement-breakpoint
CREATE INDEX `introductions_user_person_b` ON `introductions` (`user_id`,`person_b_contact_id`);--> statement-breakpoint
CREATE INDEX `introductions_user_introducer` ON `introductions` (`user_id`,`introducer_contact_id`);