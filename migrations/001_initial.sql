-- Schema version 1 of the RNN Lab database: datasets, experiments, runs and everything a run
-- records while it trains (DESIGN.md; MATH.md, "What is measured while training").
--
-- The runner (electron/store/migrations.ts) applies each numbered file once, in order, inside
-- one transaction, and records the file's number in PRAGMA user_version. Connection settings
-- (WAL, foreign keys, busy timeout) are set by the opener, not here: they are not part of the
-- schema and some cannot change inside a transaction.
--
-- Conventions: ids are INTEGER PRIMARY KEY (rowid aliases); times are ISO 8601 UTC text
-- ('2025-01-31T12:00:00.000Z'); JSON columns hold UTF-8 JSON text; numeric BLOBs are packed
-- little-endian typed arrays (Float64 for values, Int32 for lengths and labels).

-- A dataset as imported: its provenance, its shape at a glance, and (in dataset_parts) the
-- canonical parsed data itself, so a run can be repeated after the source file is gone.
CREATE TABLE datasets (
  id               INTEGER PRIMARY KEY,
  -- Display name (the training part's Dataset.name).
  name             TEXT    NOT NULL,
  -- Source format: 'builtin', 'ts', 'arff', 'ucr', 'long-csv' or 'json'.
  format           TEXT    NOT NULL,
  -- JSON array of the file names (or the builtin spec) it came from, training file first.
  sources          TEXT    NOT NULL,
  -- Hex sha256 of the canonical training data (core/data/fingerprint.ts).
  fingerprint      TEXT    NOT NULL,
  -- Hex sha256 of the canonical test data, or NULL when there is no test part.
  test_fingerprint TEXT,
  -- M: sequences in the training part.
  num_sequences    INTEGER NOT NULL,
  -- N: features per time step.
  num_features     INTEGER NOT NULL,
  -- JSON array of the class names; class index k is class_labels[k].
  class_labels     TEXT    NOT NULL,
  -- JSON array: sequences of each class in the training part, by class index.
  class_counts     TEXT    NOT NULL,
  -- Shortest and longest sequence of the training part, in time steps.
  min_length       INTEGER NOT NULL,
  max_length       INTEGER NOT NULL,
  -- Sequences in the test part, or NULL when there is none.
  test_sequences   INTEGER,
  -- Missing values the parser found (and filled) in the source files.
  missing_values   INTEGER NOT NULL,
  created_at       TEXT    NOT NULL
);

-- Importing the same data twice gives back the first record (one row per pair of fingerprints).
CREATE UNIQUE INDEX datasets_by_fingerprint ON datasets (fingerprint, ifnull(test_fingerprint, ''));

-- The parsed data of a dataset, one row per part, kept apart from `datasets` so that listing
-- datasets never reads the (possibly large) BLOBs.
CREATE TABLE dataset_parts (
  dataset_id   INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  -- 'train' or 'test'.
  part         TEXT    NOT NULL CHECK (part IN ('train', 'test')),
  -- Dataset.name of this part.
  name         TEXT    NOT NULL,
  -- Dataset.numFeatures of this part.
  num_features INTEGER NOT NULL,
  -- JSON array: Dataset.classLabels of this part.
  class_labels TEXT    NOT NULL,
  -- Int32 LE, one per sequence: its length T_i in time steps.
  lengths      BLOB    NOT NULL,
  -- Int32 LE, one per sequence: its class index (Dataset.labels).
  labels       BLOB    NOT NULL,
  -- Float64 LE: every sequence's T_i * N values (row-major [t][j]), one after the other.
  vals         BLOB    NOT NULL,
  PRIMARY KEY (dataset_id, part)
) WITHOUT ROWID;

-- A named group of runs, e.g. a comparison grid.
CREATE TABLE experiments (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

-- One training run: what it trained on, how, and how it ended.
CREATE TABLE runs (
  id                  INTEGER PRIMARY KEY,
  -- A dataset cannot be deleted while runs use it (the repository says so first).
  dataset_id          INTEGER NOT NULL REFERENCES datasets (id) ON DELETE RESTRICT,
  -- The experiment it belongs to, or NULL for a lone run.
  experiment_id       INTEGER REFERENCES experiments (id) ON DELETE SET NULL,
  -- A short label, e.g. the grid cell 'layers=2 clip-norm=1'.
  name                TEXT    NOT NULL,
  -- JSON: the full TrainConfig (core/train/config.ts). Flattened copies are in run_params.
  config              TEXT    NOT NULL,
  -- The random seed (TrainConfig.seed), repeated here for queries.
  seed                INTEGER NOT NULL,
  status              TEXT    NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'completed', 'stopped', 'diverged', 'failed', 'interrupted')),
  -- Why a run failed or was interrupted; NULL otherwise.
  error               TEXT,
  created_at          TEXT    NOT NULL,
  -- When training began and ended; NULL until then.
  started_at          TEXT,
  ended_at            TEXT,
  -- RunSummary (core/api/entities.ts), written when the run finishes.
  epochs              INTEGER NOT NULL DEFAULT 0,
  steps               INTEGER NOT NULL DEFAULT 0,
  best_val_accuracy   REAL,
  best_epoch          INTEGER,
  final_test_accuracy REAL,
  final_train_loss    REAL,
  -- The step at which a diverged run's loss or gradient stopped being finite.
  diverged_at_step    INTEGER,
  -- Training time in seconds.
  seconds             REAL
);

CREATE INDEX runs_by_dataset ON runs (dataset_id);
CREATE INDEX runs_by_experiment ON runs (experiment_id);
CREATE INDEX runs_by_status ON runs (status);

-- Every hyperparameter of a run as its own row, so runs can be filtered and compared by any of
-- them. Keys are the config's paths flattened with dots ('numLayers', 'optimizer.kind',
-- 'optimizer.lr', 'clip.maxNorm').
CREATE TABLE run_params (
  run_id   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  key      TEXT    NOT NULL,
  -- Numbers as numbers; booleans as the text 'true' / 'false'; null as the text 'none';
  -- strings as themselves. NUMERIC affinity makes `value = '0.003'` match the number 0.003.
  value    NUMERIC NOT NULL,
  -- The key's place in the configuration, so listings follow the config's own order.
  position INTEGER NOT NULL,
  PRIMARY KEY (run_id, key)
) WITHOUT ROWID;

-- Names of the recorded metrics, so the (long) metrics table stores a small integer instead.
-- Per step: 'loss', 'grad_norm_before', 'grad_norm_after', 'clipped' (0/1),
-- 'grad_norm/<tensor>' ('grad_norm/layers.0.W', 'grad_norm/head.V', ...).
-- Per epoch: 'train_loss', 'train_accuracy', 'val_loss', 'val_accuracy', 'test_loss',
-- 'test_accuracy', 'spectral_norm/layers.<l>'.
CREATE TABLE metric_names (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

-- Every recorded value, long form: one row per (run, metric, step). WITHOUT ROWID clusters the
-- rows by the primary key, so one run's series of one metric is a single contiguous range read
-- in step order. Missing values (null, NaN) are not stored; +-Infinity is.
CREATE TABLE metrics (
  run_id    INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  metric_id INTEGER NOT NULL REFERENCES metric_names (id),
  -- Optimizer step (1-based); for per-epoch metrics, the step at the epoch's end.
  step      INTEGER NOT NULL,
  -- Epoch (1-based) the step belongs to, or the epoch the figure describes.
  epoch     INTEGER NOT NULL,
  -- Seconds since the run started.
  wall      REAL    NOT NULL,
  value     REAL    NOT NULL,
  PRIMARY KEY (run_id, metric_id, step)
) WITHOUT ROWID;

-- Running aggregates of each metric of each run, updated in the same transaction as the rows
-- they summarize, so listing and sorting thousands of runs never scans the metrics table.
CREATE TABLE metric_summaries (
  run_id    INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  metric_id INTEGER NOT NULL REFERENCES metric_names (id),
  -- Stored values.
  count     INTEGER NOT NULL,
  -- The value at the largest step, and that step.
  last      REAL,
  last_step INTEGER,
  min       REAL,
  max       REAL,
  -- The max for metrics whose name contains 'accuracy', the min for all others; best_step is
  -- the earliest step that reached it.
  best      REAL,
  best_step INTEGER,
  PRIMARY KEY (run_id, metric_id)
) WITHOUT ROWID;

-- Per epoch and layer, the temporal gradient profile: the batch mean of ||dE/dh_t|| by
-- k = T_i - t = 0, 1, 2 ... steps before the end of the sequence (MATH.md).
CREATE TABLE epoch_profiles (
  run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  epoch   INTEGER NOT NULL,
  -- Layer index l, 0 = the layer nearest the input.
  layer   INTEGER NOT NULL,
  -- Float64 LE: the profile, index k.
  profile BLOB    NOT NULL,
  PRIMARY KEY (run_id, epoch, layer)
) WITHOUT ROWID;

-- The trained models of a run as model JSON text (format 'rnn-lab/model', MATH.md).
CREATE TABLE models (
  run_id   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  -- 'final': the weights when training ended; 'best': at the best validation accuracy.
  kind     TEXT    NOT NULL CHECK (kind IN ('final', 'best')),
  json     TEXT    NOT NULL,
  saved_at TEXT    NOT NULL,
  PRIMARY KEY (run_id, kind)
) WITHOUT ROWID;
