-- The idea box's search compares without case or accents on every database: the application
-- writes each idea's reference, title, problem and solution here lower-cased and without accents
-- (process/Texts.folded), and fills the column in for the rows written before it existed
-- (idea/SearchTextBackfill). Null only until then. No index: a search looks for words anywhere in
-- the text (like '%word%'), which no B-tree index serves.
alter table idea add column search_text varchar(8200);
