-- The optional details of an idea (fr.construisons.idea.IdeaDetail), one JSON object from each
-- detail's name to its text: a new detail is a declaration in IdeaLifecycle.DETAILS, not a
-- migration. The declared lengths keep it far below this size.
alter table idea add column details varchar(32000) default '{}' not null;
