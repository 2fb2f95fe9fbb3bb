-- The RGPD anonymisation (privacy/EngineHistoryAnonymiser) finds the withdrawal and duplicate
-- requests naming an idea by their ideaReference variable; Camunda indexes ACT_HI_VARINST by name
-- only, so each look-up read every ideaReference row (1.9 s at 100,000 ideas, docs/performance.md).
create index if not exists construisons_hi_varinst_name_text_idx on ACT_HI_VARINST (NAME_, TEXT_);
