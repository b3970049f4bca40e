CREATE TABLE `action_log` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`digest_id` text,
	`command` text NOT NULL,
	`undo` text NOT NULL,
	`created_at` integer NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_log_user_time` ON `action_log` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `contact_addresses` (
	`user_id` text NOT NULL,
	`address` text NOT NULL,
	`contact_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `address`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_addresses_contact` ON `contact_addresses` (`contact_id`);--> statement-breakpoint
CREATE TABLE `contact_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_notes_contact` ON `contact_notes` (`user_id`,`contact_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text,
	`name_quality` integer DEFAULT 0 NOT NULL,
	`name_key` text,
	`first_name_key` text,
	`primary_address` text,
	`cadence_days` integer,
	`learned_cadence_days` integer,
	`last_interaction_at` integer,
	`interaction_count` integer DEFAULT 0 NOT NULL,
	`next_check_in_at` integer,
	`muted` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_user_check_in` ON `contacts` (`user_id`,`next_check_in_at`);--> statement-breakpoint
CREATE INDEX `contacts_user_name` ON `contacts` (`user_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `contacts_user_first_name` ON `contacts` (`user_id`,`first_name_key`);--> statement-breakpoint
CREATE TABLE `digest_items` (
	`id` text PRIMARY KEY NOT NULL,
	`digest_id` text NOT NULL,
	`user_id` text NOT NULL,
	`position` integer NOT NULL,
	`section` text NOT NULL,
	`subject_key` text NOT NULL,
	`contact_id` text,
	`title` text NOT NULL,
	`reason` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`acted_at` integer,
	FOREIGN KEY (`digest_id`) REFERENCES `digests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_items_position` ON `digest_items` (`digest_id`,`position`);--> statement-breakpoint
CREATE INDEX `digest_items_user_subject` ON `digest_items` (`user_id`,`subject_key`);--> statement-breakpoint
CREATE TABLE `digests` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`week` text NOT NULL,
	`status` text NOT NULL,
	`scheduled_for` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	`sent_at` integer,
	`message_id` text,
	`item_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digests_user_week` ON `digests` (`user_id`,`week`);--> statement-breakpoint
CREATE TABLE `interaction_participants` (
	`interaction_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`occurred_at` integer NOT NULL,
	PRIMARY KEY(`interaction_id`, `contact_id`, `role`),
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participants_contact_time` ON `interaction_participants` (`user_id`,`contact_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text,
	`occurred_at` integer NOT NULL,
	`message_id` text,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interactions_user_time` ON `interactions` (`user_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `introductions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`interaction_id` text,
	`introducer_contact_id` text,
	`person_a_contact_id` text,
	`person_b_contact_id` text,
	`reason` text,
	`opt_in` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'made' NOT NULL,
	`follow_up_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`introducer_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_a_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_b_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `introductions_user_follow_up` ON `introductions` (`user_id`,`follow_up_at`);--> statement-breakpoint
CREATE INDEX `introductions_user_pair` ON `introductions` (`user_id`,`person_a_contact_id`,`person_b_contact_id`);--> statement-breakpoint
CREATE TABLE `outbound_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`message_id` text NOT NULL,
	`in_reply_to` text,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbound_recipient_time` ON `outbound_messages` (`to_address`,`sent_at`);--> statement-breakpoint
CREATE TABLE `processed_messages` (
	`user_id` text NOT NULL,
	`message_id` text NOT NULL,
	`kind` text NOT NULL,
	`interaction_id` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `message_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `signals` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`interaction_id` text,
	`contact_id` text,
	`about_user` integer DEFAULT false NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`sentence` text NOT NULL,
	`tag` text,
	`due_at` integer,
	`private` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `signals_user_kind_status` ON `signals` (`user_id`,`kind`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `signals_user_kind_due` ON `signals` (`user_id`,`kind`,`due_at`);--> statement-breakpoint
CREATE INDEX `signals_user_tag` ON `signals` (`user_id`,`tag`);--> statement-breakpoint
CREATE INDEX `signals_contact` ON `signals` (`user_id`,`contact_id`);--> statement-breakpoint
CREATE INDEX `signals_interaction` ON `signals` (`interaction_id`);--> statement-breakpoint
CREATE TABLE `suppressions` (
	`user_id` text NOT NULL,
	`subject_key` text NOT NULL,
	`until` integer NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`user_id`, `subject_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`contact_id` text,
	`signal_id` text,
	`interaction_id` text,
	`due_at` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`snoozed_until` integer,
	`remind_at` integer,
	`reminded_at` integer,
	`thread_message_id` text,
	`thread_subject` text,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tasks_user_status_due` ON `tasks` (`user_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_remind` ON `tasks` (`remind_at`);--> statement-breakpoint
CREATE INDEX `tasks_contact` ON `tasks` (`user_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `user_addresses` (
	`address` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_addresses_user` ON `user_addresses` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`digest_weekday` integer DEFAULT 1 NOT NULL,
	`digest_hour` integer DEFAULT 8 NOT NULL,
	`max_items` integer DEFAULT 7 NOT NULL,
	`empty_digest` text DEFAULT 'note' NOT NULL,
	`paused_until` integer,
	`next_digest_at` integer,
	`unsubscribed_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_next_digest` ON `users` (`next_digest_at`);