// A dataset's default name, from its file's name. The archive ships each dataset as
// NAME_TRAIN.ext and NAME_TEST.ext, and both files are the dataset NAME.

/** The file name without its folders: `data/ArrowHead_TRAIN.arff` gives `ArrowHead_TRAIN.arff`. */
export function baseNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The file name without its folders and extension; '' when it is all extension (`.ts`). */
export function fileStemOf(path: string): string {
  return baseNameOf(path).replace(/\.[^.]*$/, '');
}

/** A name without a trailing _TRAIN or _TEST, in any case. */
export function withoutSplitSuffix(name: string): string {
  return name.replace(/_(TRAIN|TEST)$/i, '');
}

/**
 * `data/ArrowHead_TRAIN.tsv` gives `ArrowHead`. Never '': a name that would be empty keeps
 * its _TRAIN/_TEST (`_TRAIN.ts` gives `_TRAIN`), and one that is all extension stays whole.
 */
export function datasetNameOf(path: string): string {
  const base = baseNameOf(path);
  const stem = fileStemOf(base) || base;
  return withoutSplitSuffix(stem) || stem;
}
