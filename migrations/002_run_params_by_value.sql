-- Schema version 2: find runs by a hyperparameter's value without reading every run's rows.
--
-- run_params is keyed (run_id, key), which serves "the parameters of this run" but makes
-- "the runs whose optimizer.lr is 0.003" (the run list's hyperparameter filter) a full scan.
-- This index answers it directly; as the table is WITHOUT ROWID, each index entry also carries
-- run_id, so the filter never touches the table itself.
CREATE INDEX run_params_by_value ON run_params (key, value);
