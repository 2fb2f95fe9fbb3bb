-- The catalogue of ideas: what the shared idea box shows, independent of process history
-- (which is cleaned up after historyTimeToLive).
create table idea (
  reference              varchar(20)   not null primary key,
  title                  varchar(120)  not null,
  problem                varchar(4000) not null,
  solution               varchar(4000) not null,
  benefits               varchar(2000) not null,
  ideator                varchar(64)   not null,
  ideator_directorate    varchar(64)   not null,
  impacted_directorates  varchar(1000) not null,
  wants_to_carry         boolean       not null,
  stage                  varchar(40)   not null,
  process_instance_id    varchar(64)   not null,
  submitted_at           timestamp     not null,
  stage_changed_at       timestamp     not null,
  closed_at              timestamp,
  closing_reason         varchar(4000)
);

create index idea_ideator_idx on idea (ideator);
create index idea_stage_idx on idea (stage);

-- One row per year: the last sequence number handed out, so references are gap-free and
-- sequential even when agents submit at the same time (the row lock serialises them).
create table idea_reference_counter (
  reference_year  integer not null primary key,
  last_number     integer not null
);
