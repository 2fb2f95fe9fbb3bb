-- Indexes on Camunda's own tables for the queries this application makes of them (measured in
-- docs/performance.md). Camunda creates its schema before Flyway runs (application.yml); an
-- index is the only kind of change made here, which Camunda's upgrade scripts leave alone.

-- A user's info (manager, directorate) is read by user id and key for every mail to a manager
-- or a directorate; Camunda indexes ACT_ID_INFO by id only, so each read scanned the table.
create index if not exists construisons_id_info_user_key_idx on ACT_ID_INFO (USER_ID_, KEY_);
