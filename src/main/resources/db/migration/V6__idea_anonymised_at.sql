-- When the people were taken out of a closed idea at the end of its retention period (RGPD,
-- privacy/IdeaAnonymiser); null while they are still named. The nightly job picks the closed
-- ideas past their period that are not anonymised yet.
alter table idea add column anonymised_at timestamp;

create index idea_closed_at_idx on idea (closed_at);
