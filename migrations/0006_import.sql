CREATE TABLE `contact_profiles` (
	`contact_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`company` text,
	`position` text,
	`notes` text,
	`birthday` text,
	`connected_on` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_profiles_user` ON `contact_profiles` (`user_id`);--> statement-breakpoint
CREATE TABLE `import_chunks` (
	`run_id` text NOT NULL,
	`user_id` text NOT NULL,
	`seq` integer NOT NULL,
	`rows` text NOT NULL,
	PRIMARY KEY(`run_id`, `seq`),
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`format` text NOT NULL,
	`filename` text,
	`status` text DEFAULT 'running' NOT NULL,
	`row_count` integer NOT NULL,
	`chunk_count` integer NOT NULL,
	`next_chunk` integer DEFAULT 0 NOT NULL,
	`token` text,
	`added` integer DEFAULT 0 NOT NULL,
	`merged` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`problems` text NOT NULL,
	`check_ins_from` integer NOT NULL,
	`reply_address` text NOT NULL,
	`message_id` text,
	`subject` text NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	`replied_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_runs_user_status` ON `import_runs` (`user_id`,`status`);