/** One choice of a search-as-you-type picker (client-safe). */
export type PickerOption = { id: string; label: string; hint?: string };
