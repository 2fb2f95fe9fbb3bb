-- Indexes and planner statistics on Camunda's own tables for the queries this application makes
-- of them (measured in docs/performance.md). Camunda creates its schema before Flyway runs
-- (application.yml); indexes and statistics are the only kind of change made here, which
-- Camunda's upgrade scripts leave alone.

-- A user's info (manager, directorate) is read by user id and key for every mail to a manager
-- or a directorate; Camunda indexes ACT_ID_INFO by id only, so each read scanned the table.
create index if not exists construisons_id_info_user_key_idx on act_id_info (user_id_, key_);

-- Tasklist's task queries join the authorizations on "perms_ & <permission> = <permission>"
-- (READ on a task, READ_TASK on a process definition). PostgreSQL cannot estimate a bitwise
-- expression and guessed 12 matching rows where there are as many as open tasks (one grant per
-- task for its candidate group), so it compared every task with every grant: 24.8 million
-- comparisons, 2.3 s per query with 5,000 open tasks. Statistics on those expressions give it
-- the real count; with random_page_cost for SSDs (application-postgres.yml) it then looks each
-- task's grants up in act_idx_auth_resource_id: 0.11-0.16 s. Expression statistics exist from
-- PostgreSQL 14 on; an older server keeps the slow plan rather than refusing to start.
do $$
begin
  if current_setting('server_version_num')::int >= 140000 then
    execute 'create statistics if not exists construisons_auth_perms_stats (mcv) on (perms_ & 2), (perms_ & 64), resource_type_ from act_ru_authorization';
    execute 'analyze act_ru_authorization';
  end if;
end
$$;
