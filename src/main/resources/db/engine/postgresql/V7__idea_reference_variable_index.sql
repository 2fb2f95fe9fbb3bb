-- The RGPD anonymisation (privacy/EngineHistoryAnonymiser) finds the withdrawal and duplicate
-- requests naming an idea by their ideaReference variable; Camunda indexes ACT_HI_VARINST by name
-- only, so each look-up read every ideaReference row (1.9 s at 100,000 ideas, docs/performance.md).
-- Partial: only the ideaReference rows, a few percent of the table, and no long free text in the
-- index (a b-tree entry may not exceed about 2.7 kB).
create index if not exists construisons_hi_varinst_idea_ref_idx on act_hi_varinst (text_)
  where name_ = 'ideaReference';
