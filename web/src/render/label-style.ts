/** The labels' font, shared by Sigma's settings, the label picker's measure and the browser tests. */
export const LABEL_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
export const LABEL_SIZE = 12;
export const LABEL_WEIGHT = "500";
