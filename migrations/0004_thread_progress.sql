ALTER TABLE `introductions` ADD `connected_at` integer;--> statement-breakpoint
CREATE INDEX `introductions_interaction` ON `introductions` (`interaction_id`);--> statement-breakpoint
CREATE INDEX `introductions_user_status_follow_up` ON `introductions` (`user_id`,`status`,`follow_up_at`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `keep_on_reply` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `resolution` text;--> statement-breakpoint
CREATE INDEX `tasks_user_thread` ON `tasks` (`user_id`,`thread_message_id`);--> statement-breakpoint
CREATE INDEX `tasks_user_resolved` ON `tasks` (`user_id`,`completed_at`) WHERE "tasks"."resolution" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `opt_in_mail` integer DEFAULT false NOT NULL;