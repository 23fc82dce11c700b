import TrackChart from './TrackChart.astro';
import TrackProgress from './TrackProgress.astro';

/**
 * The site's components every `.mdx` note and phase can use without an
 * import: `<TrackProgress track="id" />` and `<TrackChart track="id" />`.
 */
export const MDX_COMPONENTS = { TrackProgress, TrackChart };
