/** Fired on window by the workbench after it writes progress, so badges re-render in this tab. */
export const PROGRESS_EVENT = 'dlc:progress';
