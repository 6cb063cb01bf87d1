// The theme colours chart axes are drawn in, read from styles.css when a chart is (re)built.

import { themeColor } from '../sequence/useTheme';

export interface AxisColors {
  /** Grid lines. */
  grid: string;
  /** Tick labels, axis titles and the legend. */
  text: string;
}

export function axisColors(): AxisColors {
  return { grid: themeColor('--grid'), text: themeColor('--muted') };
}
